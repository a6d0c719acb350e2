/**
 * Eleventy's settings that its programmatic configuration cannot make: the template engines.
 * Everything else (the plugin, given the build's configuration, and the folders) is given by the
 * build through `new Eleventy(…, { config })`: src/site/eleventy-config.ts. Nothing is read from
 * the environment.
 */
export default function () {
  return {
    markdownTemplateEngine: false,
    htmlTemplateEngine: 'njk',
  };
}
