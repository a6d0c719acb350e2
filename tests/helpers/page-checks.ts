/**
 * Two WCAG 2.1 AA checks axe-core does not make, for a page open in Playwright:
 * - Language of parts (3.1.2): English phrases inside the Arabic page carry lang="en" (or another
 *   language), so a screen reader does not read them with Arabic rules. Code, addresses and
 *   single tokens (an acronym like SHA-256, a brand like DW) are not phrases.
 * - Reflow (1.4.10): nothing makes the page scroll sideways at a phone's width.
 */
import type { Page } from 'playwright-core';

/** Text of visible phrases of two or more Latin words whose nearest lang is Arabic. */
export async function untaggedLatinPhrases(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const phrase = /[A-Za-z][A-Za-z'’-]+(?:[ \\u00a0]+[A-Za-z][A-Za-z'’-]+)+/;
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = node.nodeValue.replace(/https?:\\/\\/\\S+/g, ' ');
      if (!el || !phrase.test(text)) continue;
      if (el.closest('script, style, code, kbd, samp, pre, [hidden], [aria-hidden="true"]')) continue;
      if (!el.checkVisibility()) continue;
      const lang = (el.closest('[lang]')?.getAttribute('lang') ?? '').toLowerCase();
      if (lang === 'ar' || lang.startsWith('ar-') || lang === '') found.push('<' + el.localName + '> ' + node.nodeValue.trim().slice(0, 80));
    }
    return found;
  })()`);
}

/**
 * Why the page scrolls sideways, when it does: the width of its content, then the innermost
 * elements that stick out of the viewport or whose content overflows them.
 */
export async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return [];
    const width = root.clientWidth;
    const culprit = (el) => {
      const box = el.getBoundingClientRect();
      if (box.width === 0) return false;
      const sticksOut = box.left < -1 || box.right > width + 1;
      const overflows = el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible';
      return sticksOut || overflows;
    };
    const all = [...document.body.querySelectorAll('*')].filter(culprit);
    const innermost = all.filter((el) => !all.some((other) => other !== el && el.contains(other)));
    return [
      root.scrollWidth + ' px of content in a ' + width + ' px viewport',
      ...innermost.slice(0, 5).map((el) =>
        '<' + el.localName + (el.className ? ' class="' + el.className + '"' : '') + '> ' + Math.max(el.scrollWidth, Math.round(el.getBoundingClientRect().width)) + ' px wide: ' + (el.textContent ?? '').trim().slice(0, 50)),
    ];
  })()`);
}
