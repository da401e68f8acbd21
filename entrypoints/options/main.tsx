import { render } from 'preact';
import { Options } from '@/components/options/Options';
import { browserOptionsApi } from '@/components/options/api';
import { language, t } from '@/utils/i18n';
import '@/components/options/options.css';

document.documentElement.lang = language();
document.title = t('optionsTitle');
render(<Options api={browserOptionsApi} hash={location.hash} />, document.getElementById('app')!);
