package dev.newswire.ops.status;

import dev.newswire.model.CommonOptions;
import dev.newswire.model.Json;
import dev.newswire.model.Topics;
import dev.newswire.ops.cli.KafkaClients;
import dev.newswire.ops.cli.Progress;
import dev.newswire.ops.cli.Terminal;
import dev.newswire.ops.status.ClusterStatus.GroupStatus;
import dev.newswire.ops.status.ClusterStatus.PartitionLag;
import dev.newswire.ops.status.ClusterStatus.TopicStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newswire status}: topics, rates, consumer lag and dead letters at a glance. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Brokers; each partition's leader, replicas and in-sync replicas, under-replicated partitions. "
                + "Stages (from their /health): state, restarts, last error. Per topic: partitions, end offsets, records written in the last minute (from record "
                + "timestamps, via ListOffsets by time). Per consumer group / Streams application: state and lag per "
                + "partition and in total. Dead letters: count and top reasons (newswire.error.reason headers)."})
public final class StatusCommand implements Callable<Integer> {

    /** The groups of the pipeline, always reported (dead when not running). */
    public static final List<String> PIPELINE_GROUPS = List.of("newswire-enrich", "newswire-sink");

    @Mixin
    CommonOptions options;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Topics to report (default: news.raw, news.articles, news.dlq). Repeatable.")
    List<String> topics = new ArrayList<>(List.of(Topics.RAW, Topics.ARTICLES, Topics.DLQ));

    @Option(names = "--group", paramLabel = "GROUP", description = "Groups always reported besides those reading the topics (default: newswire-enrich, newswire-sink). Repeatable.")
    List<String> groups = new ArrayList<>(PIPELINE_GROUPS);

    @Option(names = "--dlq-sample", paramLabel = "N", description = "Read at most the newest N dead letters to count reasons (default: ${DEFAULT-VALUE}).")
    int dlqSample = StatusCollector.DEFAULT_DLQ_SAMPLE;

    @Option(names = "--health", paramLabel = "URL", description = "Also ask this stage's health endpoint (e.g. "
            + "http://HOST:8470/health). Default: the running './newswire run' of the data directory. Repeatable.")
    List<String> health = new ArrayList<>();

    @Option(names = "--json", description = "Print the status as one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Progress progress = new Progress(spec.commandLine().getErr(), "status");
        Map<String, Object> props = options.clientProps();
        progress.now("asking " + props.get("bootstrap.servers"));
        ClusterStatus status;
        ReplicaStatus replicas;
        try (Admin admin = KafkaClients.admin(props)) {
            status = new StatusCollector(admin, props, topics, groups, dlqSample).collect();
            List<String> all = new ArrayList<>(topics);
            if (!all.contains(Topics.ENRICHED)) {
                all.add(1, Topics.ENRICHED);
            }
            replicas = ReplicaStatus.collect(admin, all);
        }
        List<String> endpoints = new ArrayList<>(health);
        endpoints.addAll(StageHealth.runEndpoints(options.dataDir()));
        List<StageHealth.Report> stages = StageHealth.ask(endpoints);
        if (json) {
            com.fasterxml.jackson.databind.node.ObjectNode tree = Json.MAPPER.valueToTree(status);
            tree.set("replication", Json.MAPPER.valueToTree(replicas));
            com.fasterxml.jackson.databind.node.ArrayNode st = tree.putArray("stages");
            for (StageHealth.Report r : stages) {
                com.fasterxml.jackson.databind.node.ObjectNode o = st.addObject().put("url", r.url());
                if (r.answer() != null) {
                    o.set("health", r.answer());
                } else {
                    o.put("error", r.error());
                }
            }
            out.print(Json.MAPPER.writeValueAsString(tree) + "\n");
        } else {
            out.print(render(status) + "\n" + replicas.render() + "\n" + StageHealth.render(stages));
        }
        out.flush();
        return 0;
    }

    /** The status as text tables. */
    public static String render(ClusterStatus s) {
        StringBuilder sb = new StringBuilder();
        sb.append("Kafka ").append(s.bootstrap()).append(" · cluster ").append(s.clusterId()).append(" · ")
                .append(s.brokers()).append(s.brokers() == 1 ? " broker" : " brokers").append(" · ").append(s.at()).append("\n\n");
        sb.append(String.format("%-16s %10s %-26s %12s %13s %9s%n", "TOPIC", "PARTITIONS", "END OFFSETS", "RECORDS",
                "LAST MINUTE", "PER SEC"));
        for (TopicStatus t : s.topics()) {
            if (!t.exists()) {
                sb.append(String.format("%-16s %10s%n", t.name(), "(missing)"));
                continue;
            }
            String ends = t.endOffsets().stream().map(String::valueOf).collect(Collectors.joining(" "));
            sb.append(String.format("%-16s %10d %-26s %12d %13d %9.2f%n", t.name(), t.partitions(),
                    Terminal.safe(ends, 26), t.records(), t.lastMinute(), t.perSecond()));
        }
        sb.append("(last minute: offsets written in the last 60 s, found from record timestamps with ListOffsets by "
                + "time; records and rates count transaction markers too)\n\n");
        sb.append(String.format("%-24s %-12s %7s  %-16s %-28s %9s%n", "GROUP", "STATE", "MEMBERS", "TOPIC",
                "LAG PER PARTITION", "TOTAL LAG"));
        for (GroupStatus g : s.groups()) {
            Map<String, List<PartitionLag>> byTopic = g.partitions().stream()
                    .collect(Collectors.groupingBy(PartitionLag::topic, java.util.TreeMap::new, Collectors.toList()));
            if (byTopic.isEmpty()) {
                sb.append(String.format("%-24s %-12s %7d  %-16s %-28s %9s%n", Terminal.safe(g.groupId(), 24), g.state(),
                        g.members(), "-", "(no committed offsets)", "-"));
                continue;
            }
            boolean first = true;
            for (Map.Entry<String, List<PartitionLag>> e : byTopic.entrySet()) {
                String lags = e.getValue().stream().map(l -> l.partition() + ":" + l.lag()).collect(Collectors.joining(" "));
                long total = e.getValue().stream().mapToLong(PartitionLag::lag).sum();
                sb.append(String.format("%-24s %-12s %7s  %-16s %-28s %9d%n", first ? Terminal.safe(g.groupId(), 24) : "",
                        first ? g.state() : "", first ? Integer.toString(g.members()) : "", e.getKey(),
                        Terminal.safe(lags, 28), total));
                first = false;
            }
        }
        sb.append("(lag: records after the committed offset; transaction markers are not counted)\n\n");
        ClusterStatus.DeadLetterSummary d = s.deadLetters();
        sb.append("DEAD LETTERS (").append(Topics.DLQ).append("): ").append(d.read())
                .append(d.sampled() ? " newest read of " + d.records() + " retained offsets" : "").append('\n');
        d.reasons().entrySet().stream().limit(10).forEach(e ->
                sb.append(String.format("  %8d  %s%n", e.getValue(), Terminal.safe(e.getKey(), 80))));
        return sb.toString();
    }
}
