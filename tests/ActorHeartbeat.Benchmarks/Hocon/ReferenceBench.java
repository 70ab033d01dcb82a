// Reference side of the hocon benchmark suite (HoconBenchmark.cs launches it).
//
//   java -cp /usr/share/java/typesafe-config.jar ReferenceBench.java FILE CONNECTIONS RUNS WARMUP_FILE WARMUP_CONNECTIONS WARMUP_RUNS
//
// Warms the JVM up by parsing and resolving WARMUP_FILE (which may be FILE itself) WARMUP_RUNS times
// with Lightbend Config (ConfigFactory.parseFile(...).resolve()), then parses and resolves FILE RUNS
// timed times (a GC before each). Every result is checked for its number of entries under
// actor-heartbeat.connections. Prints one line:
//   median_ms=<ms> min_ms=<ms> allocated_mb=<MB or -1> java=<version>
// allocated_mb is the median of the bytes the thread allocated per run (-1 when the JVM cannot tell).

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

public final class ReferenceBench {
    private ReferenceBench() {
    }

    public static void main(String[] args) {
        if (args.length != 6) {
            System.err.println("usage: ReferenceBench FILE CONNECTIONS RUNS WARMUP_FILE WARMUP_CONNECTIONS WARMUP_RUNS");
            System.exit(2);
        }
        File file = new File(args[0]);
        int connections = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        File warmupFile = new File(args[3]);
        int warmupConnections = Integer.parseInt(args[4]);
        int warmupRuns = Integer.parseInt(args[5]);

        for (int i = 0; i < warmupRuns; i++) {
            check(parse(warmupFile), warmupConnections);
        }

        double[] millis = new double[runs];
        double[] megabytes = new double[runs];
        boolean measuresAllocation = allocatedBytes() >= 0;
        for (int i = 0; i < runs; i++) {
            System.gc();
            long allocatedBefore = allocatedBytes();
            long start = System.nanoTime();
            Config config = parse(file);
            long elapsed = System.nanoTime() - start;
            long allocated = allocatedBytes() - allocatedBefore;
            check(config, connections);
            millis[i] = elapsed / 1e6;
            megabytes[i] = allocated / (1024.0 * 1024.0);
        }

        Arrays.sort(millis);
        Arrays.sort(megabytes);
        System.out.println(String.format(Locale.ROOT, "median_ms=%.3f min_ms=%.3f allocated_mb=%.3f java=%s",
            median(millis), millis[0], measuresAllocation ? median(megabytes) : -1.0, System.getProperty("java.version")));
    }

    private static Config parse(File file) {
        return ConfigFactory.parseFile(file).resolve();
    }

    private static void check(Config config, int connections) {
        int found = config.getConfig("actor-heartbeat.connections").root().size();
        if (found != connections) {
            throw new IllegalStateException("expected " + connections + " connections, found " + found);
        }
    }

    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    // HotSpot's ThreadMXBean extension counts the bytes a thread allocated; other JVMs may lack it.
    private static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                && bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled()) {
            return bean.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return -1;
    }
}
