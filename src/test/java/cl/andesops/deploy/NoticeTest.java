package cl.andesops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.vaadin.flow.component.dependency.NpmPackage;
import org.junit.jupiter.api.Test;

/** The Apache-licensed code bundled with the app is credited as its licence asks, at the version bundled. */
class NoticeTest {

    @Test
    void the_notice_credits_the_echarts_version_the_frontend_bundles() throws Exception {
        NpmPackage echarts = cl.andesops.shared.chart.EChart.class.getAnnotation(NpmPackage.class);
        String notice = Files.readString(Path.of("NOTICE"));
        assertThat(notice).contains("Apache ECharts " + echarts.version())
                .contains("This product includes software developed at\nThe Apache Software Foundation");
    }
}
