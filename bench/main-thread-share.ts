/**
 * The main thread's own share of its stalls: between two samples of a
 * 20 ms timer (further apart while something holds the thread), the time it spent running callbacks (event-loop
 * utilisation's active time) and the CPU time it used. A long stall with little of either is
 * the thread waiting for a CPU (the machine's other load, or this process's own workers on a
 * machine with two cores), not work of ours on the main thread.
 */
export function busiestStretch() {
  let elu = performance.eventLoopUtilization()
  let cpu = process.threadCpuUsage()
  let activeMs = 0
  let cpuMs = 0
  return {
    sample(): void {
      const nextElu = performance.eventLoopUtilization()
      const nextCpu = process.threadCpuUsage()
      activeMs = Math.max(activeMs, nextElu.active - elu.active)
      cpuMs = Math.max(cpuMs, (nextCpu.user - cpu.user + nextCpu.system - cpu.system) / 1000)
      elu = nextElu
      cpu = nextCpu
    },
    result: () => ({ busiestMs: activeMs, busiestCpuMs: cpuMs }),
  }
}
