// Preloaded into a measured process (`node --require bench/cpuAtExit.cjs …`): at exit it
// writes the process's whole CPU time (user + system, from its start) to stderr as one
// line, `cpu-at-exit: <ms>`, for the CLI cold-start rows of `npm run bench`.
process.on('exit', () => {
  const u = process.cpuUsage();
  process.stderr.write(`\ncpu-at-exit: ${(u.user + u.system) / 1000}\n`);
});
