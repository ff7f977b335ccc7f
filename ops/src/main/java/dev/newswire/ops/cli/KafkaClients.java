package dev.newswire.ops.cli;

import dev.newswire.model.CommonConfig;
import dev.newswire.model.Serdes;
import dev.newswire.model.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Kafka clients for operator tools. Timeouts are short on purpose: a person at a terminal wants "cannot reach Kafka"
 * within seconds, not the clients' default of a minute of silent retries.
 */
public final class KafkaClients {

    /** How long {@link #admin(Map)} waits for the cluster to answer before giving up. */
    public static final Duration REACH_TIMEOUT = Duration.ofSeconds(5);

    private KafkaClients() {
    }

    /** {@code props} with short request, API and connection timeouts (unless set explicitly). */
    public static Map<String, Object> withShortTimeouts(Map<String, Object> props) {
        Map<String, Object> p = new HashMap<>(props);
        p.putIfAbsent(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        p.putIfAbsent(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        p.putIfAbsent(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, 2_000);
        p.putIfAbsent(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, 3_000);
        p.putIfAbsent(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        p.putIfAbsent(CommonClientConfigs.CLIENT_DNS_LOOKUP_CONFIG, "use_all_dns_ips");
        return p;
    }

    /**
     * An admin client that has reached the cluster: {@code describeCluster} answered within {@link #REACH_TIMEOUT}.
     *
     * @throws BrokerUnreachableException otherwise, naming the address
     */
    public static Admin admin(Map<String, Object> props) {
        Map<String, Object> p = withShortTimeouts(props);
        p.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "newswire-ops-admin");
        Admin admin = Admin.create(p);
        try {
            admin.describeCluster().clusterId().get(REACH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return admin;
        } catch (InterruptedException e) {
            admin.close(Duration.ZERO);
            Thread.currentThread().interrupt();
            throw new BrokerUnreachableException(bootstrap(props), "interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            admin.close(Duration.ZERO);
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new BrokerUnreachableException(bootstrap(props), cause.getMessage() == null
                    ? "no answer" : cause.getClass().getSimpleName() + ": " + cause.getMessage(), e);
        }
    }

    /**
     * A consumer of raw bytes that reads only committed transactions (enrich writes news.articles and news.dlq in
     * transactions), commits nothing and joins no group: the tools assign partitions themselves, as kcat does.
     */
    public static KafkaConsumer<byte[], byte[]> reader(Map<String, Object> props, String clientId) {
        Map<String, Object> p = withShortTimeouts(props);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Topics.MAX_MESSAGE_BYTES);
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 2 * Topics.MAX_MESSAGE_BYTES);
        p.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        return new KafkaConsumer<>(p, Serdes.bytes().deserializer(), Serdes.bytes().deserializer());
    }

    /** An idempotent producer ({@code acks=all}) of raw bytes: a retried send is never written twice. */
    public static KafkaProducer<byte[], byte[]> idempotentProducer(Map<String, Object> props, String clientId) {
        Map<String, Object> p = withShortTimeouts(props);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        p.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        p.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return new KafkaProducer<>(p, Serdes.bytes().serializer(), Serdes.bytes().serializer());
    }

    private static String bootstrap(Map<String, Object> props) {
        return String.valueOf(props.get(CommonConfig.BOOTSTRAP_SERVERS));
    }
}
