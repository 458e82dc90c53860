import { SIGNIN_MATCH_PATTERNS } from '@/lib/signin/hosts';

export default defineContentScript({
  matches: [...SIGNIN_MATCH_PATTERNS],
  allFrames: false,
  runAt: 'document_idle',
  main() {},
});
