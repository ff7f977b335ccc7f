package dev.newswire.ops.cli;

/** Kafka did not answer in time: the message says where we looked and what to do. */
public final class BrokerUnreachableException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public BrokerUnreachableException(String bootstrap, String detail, Throwable cause) {
        super("Cannot reach Kafka at " + bootstrap + " within " + KafkaClients.REACH_TIMEOUT.toSeconds() + " s ("
                + detail + "). Is the broker running? Check --bootstrap-servers / bootstrap.servers, or start "
                + "'./newswire run'.", cause);
    }
}
