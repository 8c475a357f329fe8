/**
 * A pa11y runner: axe-core at WCAG 2.2 level AA.
 *
 * Why not pa11y's built-in "axe" runner? pa11y 9 maps the WCAG2AA standard to axe's tags
 * wcag2a, wcag2aa, wcag21a, wcag21aa and best-practice, so WCAG 2.2 rules (such as
 * target-size) never run; and pa11y's `rules` option, which could switch them on, is shared
 * with HTML_CodeSniffer, which rejects axe rule names. This runner asks axe for the same tags
 * plus wcag22a and wcag22aa, and reports issues exactly as the built-in runner does: axe
 * violations by impact (critical and serious are errors), and "needs review" results capped
 * by pa11y's `levelCapWhenNeedsReview`.
 *
 * `run` is turned into text and evaluated inside the page, so it must not use anything from
 * this file's scope.
 */
"use strict";

const path = require("path");

const axeDir = path.dirname(require.resolve("axe-core"));

async function run(options) {
  const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"];
  const LEVEL_BY_IMPACT = {critical: "error", serious: "error", moderate: "warning", minor: "notice"};
  const SEVERITY = {error: 3, warning: 2, notice: 1};
  const axe = window.axe;

  const ignored = new Set((options.ignore || []).map(code => code.toLowerCase()));
  const rules = {};
  for (const {ruleId} of axe.getRules()) {
    if (ignored.has(ruleId.toLowerCase())) {
      rules[ruleId] = {enabled: false};
    }
  }

  function level(impact, needsReview) {
    let result = LEVEL_BY_IMPACT[impact] || "error";
    const cap = options.levelCapWhenNeedsReview;
    if (needsReview && cap && SEVERITY[result] > SEVERITY[cap]) {
      result = cap;
    }
    return result;
  }

  /* axe cannot tell the background behind text that is partly covered or scrolled out of sight
   * (such as the last search result, cut off at the bottom of the scrolling list), and says it
   * needs a person to look. Such an issue is marked, so `wardsite a11y` lists it for review
   * instead of failing on it: the same styles are checked wherever axe can see them. */
  const UNSEEN_BACKGROUND = ["bgOverlap", "elmPartiallyObscured", "elmPartiallyObscuring", "outsideViewport"];

  function backgroundUnseen(result, node, needsReview) {
    const checks = [...(node.any || []), ...(node.all || []), ...(node.none || [])];
    return needsReview && result.id === "color-contrast" && checks.length > 0 &&
      checks.every(check => Boolean(check.data) && UNSEEN_BACKGROUND.includes(check.data.messageKey));
  }

  function issues(result, needsReview) {
    const nodes = result.nodes.length ? result.nodes : [{target: null}];
    return nodes.map(node => ({
      element: node.target ? window.document.querySelector(node.target.join(" ")) : null,
      code: result.id,
      type: level(result.impact, needsReview),
      message: `${result.help} (${result.helpUrl})`,
      runnerExtras: {
        description: result.description,
        impact: result.impact,
        needsFurtherReview: needsReview,
        backgroundUnseen: backgroundUnseen(result, node, needsReview),
        help: result.help,
        helpUrl: result.helpUrl,
      },
    }));
  }

  const {violations = [], incomplete = []} = await axe.run(options.rootElement || window.document, {
    runOnly: {type: "tag", values: TAGS},
    rules,
  });
  return [
    ...violations.flatMap(result => issues(result, false)),
    ...incomplete.flatMap(result => issues(result, true)),
  ];
}

module.exports = {
  run,
  scripts: [path.join(axeDir, "axe.min.js")],
  supports: "^9.0.0",
};
