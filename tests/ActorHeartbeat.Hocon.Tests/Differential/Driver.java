// Reference driver for the HOCON differential test (DifferentialTests.cs).
//
// Run with Java 17's single-file source launcher, once for the whole corpus:
//   java -cp /usr/share/java/typesafe-config.jar Driver.java FILE...
// For every FILE, in argument order, prints exactly one line on stdout (UTF-8):
//   OK <compact JSON of the resolved root object>
//   ERROR <message on one line>
// The exit code is 0 whenever every file produced its line.

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import java.io.File;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

public final class Driver {
    private Driver() {
    }

    public static void main(String[] args) {
        // The platform encoding may be ASCII under a POSIX locale; the test reads UTF-8.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        // A missing corpus file must be an error, not the empty config that parseFile returns by default.
        ConfigParseOptions parseOptions = ConfigParseOptions.defaults().setAllowMissing(false);
        ConfigRenderOptions concise = ConfigRenderOptions.concise();
        for (String path : args) {
            out.println(describe(path, parseOptions, concise));
        }
        out.flush();
    }

    private static String describe(String path, ConfigParseOptions parseOptions, ConfigRenderOptions concise) {
        try {
            Config config = ConfigFactory.parseFile(new File(path), parseOptions).resolve();
            return "OK " + config.root().render(concise);
        } catch (ConfigException e) {
            return "ERROR " + oneLine(e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // Not a ConfigException: still an error of the reference on this input, reported with its type.
            return "ERROR " + e.getClass().getName() + ": " + oneLine(String.valueOf(e.getMessage()));
        }
    }

    private static String oneLine(String text) {
        return text.replace('\r', ' ').replace('\n', ' ');
    }
}
