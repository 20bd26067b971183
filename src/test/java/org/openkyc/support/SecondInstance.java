package org.openkyc.support;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openkyc.OpenKycApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A whole second OpenKYC on the tests' PostgreSQL, as a second instance behind a load balancer would be. */
public final class SecondInstance {

    private SecondInstance() {}

    /** Starts it on a free port with its own data directory; {@code settings} are {@code --name=value} arguments. */
    public static ConfigurableApplicationContext start(HikariDataSource database, String... settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + database.getJdbcUrl(),
                "--spring.datasource.username=" + database.getUsername(),
                "--spring.datasource.password=" + database.getPassword(),
                "--openkyc.data-dir=target/test-data/" + UUID.randomUUID(),
                "--openkyc.master-key=" + IntegrationTest.MASTER_KEY,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + TestMailServer.port(),
                // tests reach no publisher
                "--openkyc.screening.refresh.enabled=false",
                "--logging.level.root=WARN"));
        arguments.addAll(List.of(settings));
        return new SpringApplicationBuilder(OpenKycApplication.class).run(arguments.toArray(String[]::new));
    }
}
