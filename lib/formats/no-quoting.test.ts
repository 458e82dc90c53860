import { describe, expect, it } from 'vitest';
import { describeImportErrors, describeNotice } from './describe';
import { english, german } from './english.testing';
import { parseImport } from './index';

/**
 * No import message repeats the file (docs/ARCHITECTURE.md, 'Import and export formats'). A secret-looking marker is put where each
 * format goes wrong (a bad secret, a bad value, a broken JSON string, an unknown type, a header);
 * the messages, in both languages, must name the line or field without it.
 */
const MARKER = 'ZQXJZQXJZQXJZQXJ';
const MARKER_DIGITS = '98765432109876543210';

const FILES: Record<string, string> = {
  'JSON broken right after a secret': `{"db": {"entries": [{"info": {"secret": "${MARKER}"}}, ]}}`,
  'JSON cut inside a secret': `{"header": {}, "db": {"entries": [{"info": {"secret": "${MARKER}`,
  'CSV secret with bad characters': `upn,serial number,secret key,time interval,manufacturer,model\na@x.com,1,${MARKER}0189!,30,c,m\n`,
  'CSV period that is a long number': `upn,serial number,secret key,time interval,manufacturer,model\na@x.com,1,JBSWY3DPEHPK3PXP,${MARKER_DIGITS},c,m\n`,
  'CSV header naming a secret twice': `upn,${MARKER},${MARKER},serial number\na,b,c,d\n`,
  'link with a bad secret': `otpauth://totp/a@x.com?secret=${MARKER}189\n`,
  'link with a bad type': `otpauth://${MARKER}/a@x.com?secret=JBSWY3DPEHPK3PXP\n`,
  'link with bad digits and algorithm': `otpauth://totp/a@x.com?secret=JBSWY3DPEHPK3PXP&digits=${MARKER_DIGITS}&algorithm=${MARKER}\n`,
  'Aegis entry of an unknown type': JSON.stringify({
    header: { slots: null },
    db: { entries: [{ type: MARKER, name: 'a@x.com', info: { secret: 'JBSWY3DPEHPK3PXP' } }] },
  }),
  'Aegis entry with a bad algorithm': JSON.stringify({
    header: { slots: null },
    db: { entries: [{ type: 'totp', name: 'a@x.com', info: { secret: 'JBSWY3DPEHPK3PXP', algo: MARKER } }] },
  }),
  'Authenticator entry of an unknown type': JSON.stringify({
    x: { account: 'a@x.com', secret: 'JBSWY3DPEHPK3PXP', type: MARKER },
  }),
  'a line that is not a link': `otpauth://totp/a@x.com?secret=JBSWY3DPEHPK3PXP\n${MARKER}\n`,
};

describe('import messages never quote the file', () => {
  it.each(Object.entries(FILES))('%s', async (_, file) => {
    const parse = await parseImport(file);
    const messages = [english, german].flatMap((words) => [
      ...describeImportErrors(parse, words),
      ...parse.notices.map((n) => describeNotice(n, words)),
    ]);
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      expect(message.toUpperCase()).not.toContain(MARKER);
      expect(message).not.toContain(MARKER_DIGITS);
    }
  });
});
