// Preloaded (`node -r`) into a measured child: prints its peak resident set size when it exits.
process.on('exit', () => {
  process.stderr.write(`\n{"maxRssBytes":${process.resourceUsage().maxRSS * 1024}}\n`);
});
