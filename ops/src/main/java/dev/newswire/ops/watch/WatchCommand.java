package dev.newswire.ops.watch;

import dev.newswire.model.CommonOptions;
import dev.newswire.model.EndOffsets;
import dev.newswire.ops.cli.KafkaClients;
import dev.newswire.ops.cli.Progress;
import dev.newswire.ops.cli.TimeArgs;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newswire watch TOPIC}: a live, decoded, filtered tail of a topic. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Live tail of a topic, decoded per payload: articles (time, host, title, language, people, "
                + "places), raw pages (url, status, size, crawler), dead letters (reason, stage, source, error).",
                "Starts at the end unless told otherwise; stops on Ctrl-C, --max, --timeout or --until-end.",
                "Reads committed records only (read_committed), joins no consumer group and commits nothing."})
public final class WatchCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Parameters(index = "0", paramLabel = "TOPIC", description = "news.raw, news.articles, news.dlq or any topic.")
    String topic;

    @ArgGroup(exclusive = true)
    StartAt start = new StartAt();

    static final class StartAt {
        @Option(names = "--from-beginning", description = "Start at the oldest record.")
        boolean fromBeginning;
        @Option(names = "--offset", paramLabel = "N", description = "Start at offset N of every partition (or of --partition).")
        Long offset;
        @Option(names = "--since", paramLabel = "TIME|DURATION",
                description = "Start at records newer than this: 15m, 2h, 1d, 2026-11-29T02:00:00Z, 2026-11-29.")
        String since;
    }

    @Option(names = {"-p", "--partition"}, paramLabel = "P", description = "Only this partition.")
    Integer partition;

    @Option(names = "--entity", paramLabel = "NAME", description = "Articles mentioning this person, place or organisation (canonical name or mention text).")
    String entity;

    @Option(names = "--entity-type", paramLabel = "TYPE", description = "Articles with an entity of this type: person, location, organization, misc (with --entity: that entity as that type).")
    String entityType;

    @Option(names = "--language", paramLabel = "CODE", description = "Articles in this language (ISO 639-1, e.g. en).")
    String language;

    @Option(names = "--host", paramLabel = "HOST", description = "Articles and pages from this host (a domain matches its subdomains).")
    String host;

    @Option(names = "--grep", paramLabel = "REGEX", description = "Records whose title, text, URL, key or error message match (Java regex; (?i) for any case).")
    String grep;

    @Option(names = "--key", paramLabel = "KEY", description = "Records with exactly this key.")
    String key;

    @Option(names = "--json", description = "One JSON object per line (position, timestamp, key, kind, headers, value), for jq and scripts.")
    boolean json;

    @Option(names = {"-n", "--max"}, paramLabel = "N", description = "Stop after showing N records.")
    Long max;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Stop after this long (30s, 5m).")
    String timeout;

    @Option(names = {"-e", "--until-end"}, description = "Stop once every partition is read up to its end as of the start (like kcat -e).")
    boolean untilEnd;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RecordFilter filter = filter();
        Duration limit = timeout == null ? null : TimeArgs.duration(timeout);
        Map<String, Object> props = options.clientProps();
        try (Admin admin = KafkaClients.admin(props)) {
            if (!admin.listTopics().names().get(KafkaClients.REACH_TIMEOUT.toSeconds(), TimeUnit.SECONDS).contains(topic)) {
                err.println("watch: topic " + topic + " does not exist");
                return 1;
            }
        }
        Progress progress = new Progress(err, "watch");
        CountDownLatch finished = new CountDownLatch(1);
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaClients.reader(props, "newswire-watch")) {
            return watch(consumer, filter, limit, progress, finished, out, err);
        } finally {
            // only now may a Ctrl-C let the JVM exit: the summary is printed and the consumer closed
            finished.countDown();
        }
    }

    private int watch(KafkaConsumer<byte[], byte[]> consumer, RecordFilter filter, Duration limit, Progress progress,
                      CountDownLatch finished, PrintWriter out, PrintWriter err) {
        List<TopicPartition> partitions = EndOffsets.partitionsOf(consumer, topic).stream()
                .filter(tp -> partition == null || tp.partition() == partition).toList();
        if (partitions.isEmpty()) {
            err.println("watch: " + topic + " has no partition " + partition);
            return 1;
        }
        consumer.assign(partitions);
        position(consumer, partitions);
        EndOffsets end = untilEnd ? EndOffsets.now(consumer, partitions) : null;
        // Ctrl-C: wake the poll up and let the loop close the consumer cleanly before the JVM exits.
        Thread hook = new Thread(() -> {
            consumer.wakeup();
            try {
                finished.await(3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "newswire-watch-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        long read = 0;
        long shown = 0;
        long reported = 0;
        long deadline = limit == null ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
        String from = start.fromBeginning ? "the beginning" : start.offset != null ? "offset " + start.offset
                : start.since != null ? "records since " + start.since : "the end";
        progress.now("watching " + topic + " (" + partitions.size() + " partitions) from " + from
                + (untilEnd ? " to the current end" : "") + "; Ctrl-C to stop");
        try {
            while (System.nanoTime() < deadline && (max == null || shown < max)) {
                if (end != null && end.reachedBy(consumer)) {
                    break;
                }
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(250));
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    read++;
                    if (end != null && !end.includes(r)) {
                        continue;
                    }
                    RecordView view = RecordView.of(r);
                    if (!filter.test(view)) {
                        continue;
                    }
                    out.print(json ? RecordFormatter.json(view) + "\n" : RecordFormatter.text(view));
                    out.flush();
                    shown++;
                    if (max != null && shown >= max) {
                        break;
                    }
                }
                // a quiet topic gets no repeated "0 records" lines
                if (read != reported && progress.maybe(read + " records read, " + shown + " shown")) {
                    reported = read;
                }
            }
        } catch (WakeupException e) {
            // Ctrl-C: fall through to the summary
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down (Ctrl-C): the hook is running
            }
        }
        progress.now("stopped: " + read + " records read, " + shown + " shown");
        return 0;
    }

    private RecordFilter filter() {
        Pattern pattern = null;
        if (grep != null) {
            try {
                pattern = Pattern.compile(grep);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("--grep: invalid regular expression: " + e.getDescription());
            }
        }
        return new RecordFilter(entity, entityType, language, host, pattern, key);
    }

    private void position(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
        if (start.fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else if (start.offset != null) {
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            for (TopicPartition tp : partitions) {
                consumer.seek(tp, Math.max(begin.get(tp), Math.min(end.get(tp), start.offset)));
            }
        } else if (start.since != null) {
            Instant since = TimeArgs.pointInTime(start.since, Instant.now());
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(tp -> query.put(tp, since.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            for (TopicPartition tp : partitions) {
                OffsetAndTimestamp o = found.get(tp);
                consumer.seek(tp, o == null ? end.get(tp) : o.offset());
            }
        } else {
            consumer.seekToEnd(partitions);
        }
    }
}
