// First import: early.ts asks the page for its status while the rest of the popup is evaluated.
import { rawStart } from './early';
import { mount } from './app';
import '@/components/popup/popup.css';

mount(rawStart);
