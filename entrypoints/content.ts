import { defineContentScript } from 'wxt/utils/define-content-script';
import { AUTO_HOSTS, hostPatterns } from '@/lib/hosts';

export default defineContentScript({
  matches: AUTO_HOSTS.flatMap(hostPatterns),
  runAt: 'document_idle',
  main() {
    document.documentElement.dataset.rethread = 'loaded';
  },
});
