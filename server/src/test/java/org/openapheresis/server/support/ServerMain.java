package org.openapheresis.server.support;

import java.nio.file.Path;
import org.openapheresis.server.OpenApheresisServer;
import org.openapheresis.server.ServerConfig;

/**
 * Runs the server in its own JVM for the durability test: {@code ServerMain DATA_DIR}. Prints
 * {@code READY <port>} once it serves.
 */
public final class ServerMain {

    private ServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ServerConfig config = ServerConfig.embedded(0, Path.of(args[0])).withAdminPassword(Databases.ADMIN_PASSWORD)
                .withBcryptCost(Databases.TEST_BCRYPT_COST);
        OpenApheresisServer server = OpenApheresisServer.start(config, System.out);
        System.out.println("READY " + server.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
