// Preloaded into a benched server (`node --require bench/cpuProbe.cjs server --stdio`)
// when it is spawned with an IPC channel: answers 'cpu' with the process's own CPU
// time (user + system, µs). The bench reads it before and after each open, so the
// server's work is measured apart from the client's and from other processes on a
// loaded machine, without touching either server's code.
if (process.send) {
  process.on('message', (m) => {
    if (m === 'cpu') process.send({ cpu: process.cpuUsage() });
  });
  // The channel must not keep a server alive after `exit`.
  process.channel?.unref();
}
