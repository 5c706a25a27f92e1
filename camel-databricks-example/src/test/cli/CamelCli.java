import org.apache.camel.dsl.jbang.core.commands.CamelJBangMain;

/**
 * The `camel` command without JBang: the same call as Camel's own JBang launcher script. Run as a single-file source
 * program, `java -cp <camel-jbang-core's class path> CamelCli.java run ...`.
 */
public class CamelCli {
    public static void main(String... args) {
        CamelJBangMain.run(args);
    }
}
