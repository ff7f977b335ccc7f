package dev.newswire.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the pipeline's topics when they are missing: the one place that does. The launcher calls it once when a
 * pipeline or a stage starts ({@code topics.create}, {@code topics.partitions}, {@code topics.replication.factor});
 * the stages themselves only use the topics.
 */
public final class TopicAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);

    private TopicAdmin() {
    }

    /** Creates the missing topics as an application's configuration says, unless {@code topics.create} is off. */
    public static void ensureTopics(CommonConfig config) {
        if (config.getBoolean(CommonConfig.TOPICS_CREATE)) {
            ensureTopics(config.kafkaClientProps(), config.getInt(CommonConfig.TOPICS_PARTITIONS),
                    config.getShort(CommonConfig.TOPICS_REPLICATION_FACTOR));
        }
    }

    /**
     * Creates every topic of {@link Topics#specs(int, short)} that does not exist yet; existing ones are left alone.
     *
     * @return the names of the topics created
     */
    public static List<String> ensureTopics(Map<String, Object> clientProps, int partitions, short replication) {
        Map<String, Object> props = new java.util.HashMap<>(clientProps);
        props.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        List<String> created = new ArrayList<>();
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (Topics.TopicSpec spec : Topics.specs(partitions, replication)) {
                if (!existing.contains(spec.name())) {
                    missing.add(new NewTopic(spec.name(), spec.partitions(), spec.replication()).configs(spec.configs()));
                }
            }
            for (NewTopic t : missing) {
                try {
                    admin.createTopics(List.of(t)).all().get(15, TimeUnit.SECONDS);
                    created.add(t.name());
                    LOG.info("Created topic {} ({} partitions, replication {})", t.name(), t.numPartitions(), t.replicationFactor());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + t.name() + ": " + e.getCause().getMessage(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot reach Kafka at " + clientProps.get("bootstrap.servers")
                    + " to create topics: " + e, e);
        }
        return created;
    }
}
