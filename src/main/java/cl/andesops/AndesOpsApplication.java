package cl.andesops;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AndesOpsApplication {

    public static void main(String[] args) {
        SpringApplication.run(AndesOpsApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.system(cl.andesops.shared.format.Formats.CHILE);
    }
}
