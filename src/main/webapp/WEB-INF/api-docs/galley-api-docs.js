// Starts Swagger UI on Galley's live OpenAPI document (the URL is the data-openapi attribute of #swagger-ui).
// A file of its own rather than an inline script, so that the page's Content-Security-Policy needs no 'unsafe-inline'.
(function () {
  'use strict';
  var root = document.getElementById('swagger-ui');
  window.ui = SwaggerUIBundle({
    url: root.getAttribute('data-openapi'),
    domNode: root,
    deepLinking: true,
    layout: 'BaseLayout',
    presets: [SwaggerUIBundle.presets.apis],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    // Operations listed under their tags, collapsed until opened; the filter box searches the tags.
    docExpansion: 'list',
    filter: true,
    displayOperationId: true,
    displayRequestDuration: true,
    showExtensions: true,
    showCommonExtensions: true,
    // Sign-in tokens stay in this tab's memory only.
    persistAuthorization: false,
    // No badge from validator.swagger.io: nothing leaves this origin.
    validatorUrl: null
  });
})();
