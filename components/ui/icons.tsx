// Tiny line icons (inline SVG: nothing is loaded from anywhere). Decorative: the buttons carry the names.
const Svg = ({ d }: { d: string }) => (
  <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <path d={d} />
  </svg>
);

export const IconClose = () => <Svg d="M6 6l12 12M18 6L6 18" />;
export const IconUp = () => <Svg d="M6 15l6-6 6 6" />;
export const IconDown = () => <Svg d="M6 9l6 6 6-6" />;
export const IconSettings = () => (
  <Svg d="M4 6h10M18 6h2M4 12h4M12 12h8M4 18h12M20 18h0M16 4v4M10 10v4M18 16v4" />
);
export const IconThreads = () => <Svg d="M4 5h12M8 10h12M8 15h9M4 5v15M4 10h4M4 15h4" />;
export const IconSearch = () => <Svg d="M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM20 20l-4-4" />;
