import { describe, expect, it } from 'vitest';
import { type FakeGeometry, fakeLayout } from './fake-layout.testing';
import { pageFromHtml } from './fixture-page.testing';
import { type Box, browserLayout, isRendered, isVisible } from './visibility';

const FIELD = '<input id="field" name="otc">';

interface Case {
  html: string;
  geometry?: (doc: Document) => FakeGeometry;
  visible: boolean;
}

const box = (left: number, top: number, width = 300, height = 36): Box => ({ left, top, width, height });
const boxForField = (fieldBox: Box) => () => ({
  boxOf: (element: Element) => (element.id === 'field' ? fieldBox : undefined),
});

describe('isVisible', () => {
  it.each<[string, Case]>([
    ['a plain field', { html: FIELD, visible: true }],
    [
      "something inside it on top (a tile's text)",
      {
        html: '<div id="field" role="button"><span id="text">Use a verification code</span></div>',
        geometry: (doc) => ({ coverOf: (element) => (element.id === 'field' ? doc.getElementById('text') : null) }),
        visible: true,
      },
    ],
    ['zero width', { html: FIELD, geometry: boxForField(box(20, 20, 0, 36)), visible: false }],
    ['zero height', { html: FIELD, geometry: boxForField(box(20, 20, 300, 0)), visible: false }],
    ['left of the viewport', { html: FIELD, geometry: boxForField(box(-10_000, 20)), visible: false }],
    [
      'below the viewport',
      {
        html: FIELD,
        geometry: () => ({ ...boxForField(box(20, 1000))(), viewport: { width: 1280, height: 800 } }),
        visible: false,
      },
    ],
    [
      'half in the viewport, centre inside',
      {
        html: FIELD,
        geometry: () => ({ ...boxForField(box(20, 780))(), viewport: { width: 1280, height: 800 } }),
        visible: true,
      },
    ],
    ['visibility:hidden', { html: '<input id="field" style="visibility: hidden">', visible: false }],
    ['visibility:hidden on an ancestor', { html: `<div style="visibility: hidden">${FIELD}</div>`, visible: false }],
    [
      'visible again inside a hidden ancestor',
      { html: '<div style="visibility: hidden"><input id="field" style="visibility: visible"></div>', visible: true },
    ],
    ['display:none on an ancestor', { html: `<div style="display: none"><div>${FIELD}</div></div>`, visible: false }],
    [
      'display:none from a style sheet',
      { html: `<style>.gone { display: none }</style><div class="gone">${FIELD}</div>`, visible: false },
    ],
    ['opacity 0.5 on an ancestor', { html: `<div style="opacity: 0.5">${FIELD}</div>`, visible: false }],
    [
      'opacity 0.6 on body',
      {
        html: `<script></script>${FIELD}`,
        geometry: (doc) => {
          doc.body.style.opacity = '0.6';
          return {};
        },
        visible: false,
      },
    ],
    [
      'opacity 0.9 × 0.8 = 0.72',
      { html: '<div style="opacity: 0.9"><input id="field" style="opacity: 0.8"></div>', visible: true },
    ],
    [
      'opacity 0.8 × 0.8 = 0.64',
      { html: '<div style="opacity: 0.8"><input id="field" style="opacity: 0.8"></div>', visible: false },
    ],
    ['opacity 50%', { html: '<input id="field" style="opacity: 50%">', visible: false }],
    [
      'opacity on html counts',
      {
        html: FIELD,
        geometry: (doc) => {
          doc.documentElement.style.opacity = '0.5';
          return {};
        },
        visible: false,
      },
    ],
    [
      'covered by an overlay',
      {
        html: `${FIELD}<div id="overlay"></div>`,
        geometry: (doc) => ({ coverOf: (element) => (element.id === 'field' ? doc.getElementById('overlay') : null) }),
        visible: false,
      },
    ],
    [
      'its own label on top (the rule: the field itself on top)',
      {
        html: `<label id="label" for="field">Code</label>${FIELD}`,
        geometry: (doc) => ({ coverOf: (element) => (element.id === 'field' ? doc.getElementById('label') : null) }),
        visible: false,
      },
    ],
  ])('%s', async (_case, { html, geometry, visible }) => {
    const page = pageFromHtml(html);
    const layout = fakeLayout(page.document, geometry?.(page.document));
    expect(isVisible(page.document.getElementById('field')!, layout)).toBe(visible);
    await page.close();
  });

  it('fails closed where the browser cannot say what is on top', async () => {
    // happy-dom has neither layout nor elementsFromPoint: the real layout finds nothing visible.
    const page = pageFromHtml(FIELD);
    expect(isVisible(page.document.getElementById('field')!, browserLayout(page.document))).toBe(false);
    await page.close();
  });
});

describe('isRendered', () => {
  it.each<[string, boolean]>([
    ['<p id="target">Error</p>', true],
    ['<p id="target" style="display: none">Error</p>', false],
    ['<div hidden><p id="target">Error</p></div>', false],
    ['<p id="target" style="visibility: collapse">Error</p>', false],
  ])('%s → %s', async (html, expected) => {
    const page = pageFromHtml(html);
    expect(isRendered(page.document.getElementById('target')!, browserLayout(page.document))).toBe(expected);
    await page.close();
  });
});
