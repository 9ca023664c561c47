/** Pages of clearly different quality, for tests that need a known ranking. */
export const pages = {
  good: `<!doctype html><html lang="en"><head><title>Acme widgets: prices and reviews</title>
    <meta name="description" content="Compare Acme widgets by price, rating and delivery time.">
    <meta name="viewport" content="width=device-width, initial-scale=1"></head>
    <body><h1>Acme widgets</h1><h2>What does a widget cost?</h2>
    <p>A widget costs 12 dollars on average in 2026, according to the <a href="https://example.org/survey">widget survey</a>.</p>
    </body></html>`,
  medium: `<!doctype html><html lang="en"><head><title>Widgets</title></head>
    <body><h1>Widgets</h1><h1>More widgets</h1><p>We sell widgets.</p></body></html>`,
  poor: `<html><body><div>widgets</div></body></html>`,
};

export const BATCH_FIELDS = `
  id name status progress totalUrls completedUrls failedUrls error
  targets { id url isSubject status attempts error analysis { overallScore httpStatus title checks { id outcome } } }`;
