package dev.newswire.ops.dlq;

import dev.newswire.model.CommonOptions;
import dev.newswire.ops.cli.KafkaClients;
import dev.newswire.ops.cli.Progress;
import dev.newswire.ops.cli.Terminal;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code newswire dlq replay}: sends selected dead letters back to the topic they came from. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Sends selected dead letters back to their source topic (news.raw for enrich failures) with "
                + "an idempotent producer: same key and value, the newswire.error.* headers removed, a "
                + "newswire.replayed.from header added. Fix the cause first (deploy the fix, raise the limit).",
                "Replaying is harmless downstream, even twice: the article id derives from the canonical URL and the "
                        + "sink upserts by id, so a page is stored once."})
public final class DlqReplayCommand implements Callable<Integer> {

    @ParentCommand
    DlqCommand parent;

    @ArgGroup(exclusive = false, multiplicity = "1")
    Selection selection;

    static final class Selection {
        @Option(names = "--offset", paramLabel = "N|P:N", description = "This dead letter (offset in news.dlq, optionally with its partition). Repeatable.")
        List<String> offsets;
        @Option(names = "--all", description = "Every dead letter (with --reason/--stage: every one of those).")
        boolean all;
        @Option(names = "--reason", paramLabel = "REASON", description = "Dead letters with this reason.")
        String reason;
        @Option(names = "--stage", paramLabel = "STAGE", description = "Dead letters of this stage.")
        String stage;
    }

    @Option(names = "--to", paramLabel = "TOPIC", description = "Send to this topic instead of each dead letter's source topic.")
    String to;

    @Option(names = "--dry-run", description = "Show what would be replayed, send nothing.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Selection s = selection;
        if (!s.all && (s.offsets == null || s.offsets.isEmpty()) && s.reason == null && s.stage == null) {
            err.println("dlq replay: say which dead letters: --offset, --reason, --stage or --all");
            return 2;
        }
        List<DlqCommand.OffsetRef> offsets = s.offsets == null ? List.of()
                : s.offsets.stream().map(DlqCommand.OffsetRef::parse).toList();
        Map<String, Object> props = parent.options.clientProps();
        try (Admin admin = KafkaClients.admin(props)) {
            // reachability check
        }
        Progress progress = new Progress(err, "dlq replay");
        List<DeadLetterReader.Entry> selected = DeadLetterReader.read(props, parent.topic,
                v -> DlqCommand.matches(v, s.reason, s.stage, offsets), progress);
        if (selected.isEmpty()) {
            err.println("dlq replay: no dead letter matches");
            return 1;
        }
        int sent = 0;
        try (KafkaProducer<byte[], byte[]> producer = dryRun ? null : KafkaClients.idempotentProducer(props, "newswire-dlq-replay")) {
            DeadLetterReplayer replayer = new DeadLetterReplayer(producer, to);
            for (DeadLetterReader.Entry e : selected) {
                String what = e.view().position() + " (" + Terminal.safe(DlqCommand.reasonOf(e.view())) + ", key "
                        + Terminal.safe(e.view().key(), 100) + ")";
                if (dryRun) {
                    out.println("would replay " + what + " → " + replayer.target(e.view()));
                    continue;
                }
                RecordMetadata m = replayer.replay(e);
                sent++;
                out.println("replayed " + what + " → " + m.topic() + "/" + m.partition() + "@" + m.offset());
                progress.maybe(sent + " of " + selected.size() + " replayed");
            }
        }
        out.println(dryRun ? selected.size() + " would be replayed (dry run)" : sent + " replayed");
        out.flush();
        return 0;
    }
}
