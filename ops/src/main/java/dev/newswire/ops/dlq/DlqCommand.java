package dev.newswire.ops.dlq;

import dev.newswire.model.CommonOptions;
import dev.newswire.model.Topics;
import dev.newswire.ops.cli.KafkaClients;
import dev.newswire.ops.cli.Progress;
import dev.newswire.ops.cli.Terminal;
import dev.newswire.ops.watch.RecordFormatter;
import dev.newswire.ops.watch.RecordView;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newswire dlq}: the dead letters, with their reasons and where they came from. */
@Command(name = "dlq", mixinStandardHelpOptions = true,
        subcommands = DlqReplayCommand.class,
        description = {"Lists dead letters (news.dlq): reason, failing stage, source topic/partition/offset, error "
                + "message, and the page URL or key. 'dlq replay' sends selected ones back."})
public final class DlqCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Option(names = "--reason", paramLabel = "REASON", description = "Only dead letters with this reason (invalid-json, too-large, …).")
    String reason;

    @Option(names = "--stage", paramLabel = "STAGE", description = "Only dead letters of this stage (enrich, sink).")
    String stage;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Dead-letter topic (default: ${DEFAULT-VALUE}).")
    String topic = Topics.DLQ;

    @Option(names = {"-n", "--max"}, paramLabel = "N", description = "Show only the newest N.")
    Integer max;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Progress progress = new Progress(spec.commandLine().getErr(), "dlq");
        Map<String, Object> props = options.clientProps();
        try (Admin admin = KafkaClients.admin(props)) {
            // reachability check only: the reader below would otherwise wait out its own timeouts
        }
        List<DeadLetterReader.Entry> entries = DeadLetterReader.read(props, topic,
                v -> matches(v, reason, stage, null), progress);
        List<DeadLetterReader.Entry> shown = max == null || entries.size() <= max ? entries
                : entries.subList(entries.size() - max, entries.size());
        Map<String, Integer> reasons = new TreeMap<>();
        for (DeadLetterReader.Entry e : shown) {
            out.print(json ? RecordFormatter.json(e.view()) + "\n" : RecordFormatter.text(e.view()));
            reasons.merge(reasonOf(e.view()), 1, Integer::sum);
        }
        if (!json) {
            out.println(shown.size() + (shown.size() == 1 ? " dead letter" : " dead letters")
                    + (reasons.isEmpty() ? "" : ": " + reasons.entrySet().stream()
                    .map(r -> r.getValue() + " " + Terminal.safe(r.getKey())).reduce((a, b) -> a + ", " + b).orElse("")));
        }
        out.flush();
        return 0;
    }

    static String reasonOf(RecordView v) {
        return v.deadLetter() == null || v.deadLetter().reason() == null ? "(none)" : v.deadLetter().reason();
    }

    /** Whether a record is a dead letter matching the reason, stage and offsets given (null: any). */
    static boolean matches(RecordView v, String reason, String stage, List<OffsetRef> offsets) {
        if (v.kind() != RecordView.Kind.DEAD_LETTER) {
            return false;
        }
        if (reason != null && !reason.equalsIgnoreCase(reasonOf(v))) {
            return false;
        }
        if (stage != null && !stage.equalsIgnoreCase(String.valueOf(v.deadLetter().stage()))) {
            return false;
        }
        return offsets == null || offsets.isEmpty() || offsets.stream().anyMatch(o -> o.matches(v.partition(), v.offset()));
    }

    /**
     * A dead letter's offset as typed: {@code 17} (any partition) or {@code 0:17}.
     *
     * @param partition partition, or null for any
     * @param offset    offset
     */
    record OffsetRef(Integer partition, long offset) {
        static OffsetRef parse(String s) {
            String t = s.strip();
            int colon = Math.max(t.indexOf(':'), t.indexOf('@'));
            try {
                return colon < 0 ? new OffsetRef(null, Long.parseLong(t))
                        : new OffsetRef(Integer.parseInt(t.substring(0, colon)), Long.parseLong(t.substring(colon + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--offset: expected N or PARTITION:N, got '" + s + "'");
            }
        }

        boolean matches(int p, long o) {
            return (partition == null || partition == p) && offset == o;
        }
    }
}
