# AndesOps: one container (Docker, a VM, a Hugging Face Space).
# Build stage: Maven + Java 25. The production frontend bundle is committed (src/main/bundles), so no Node is
# needed here; CI builds the same jar with the same wrapper and profile.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -q dependency:go-offline || true
COPY src/ src/
COPY bin/ bin/
RUN ./mvnw -B -ntp package -DskipTests && cp target/andesops-*.jar /src/app.jar \
 && java -Djarmode=tools -jar /src/app.jar extract --destination /src/run
# sqlite-jdbc would unpack its native library at every start into a temporary directory, which must then allow
# executables (a data volume mounted noexec does not): unpack it here, once, into the image instead.
RUN mkdir -p /tmp/sqlite /src/native && cd /tmp/sqlite \
 && jar xf "$(ls /src/run/lib/sqlite-jdbc-*.jar)" org/sqlite/native/Linux \
 && arch="$(uname -m)"; case "$arch" in x86_64|amd64) dir=x86_64 ;; aarch64|arm64) dir=aarch64 ;; *) dir="$arch" ;; esac \
 && cp "org/sqlite/native/Linux/$dir/libsqlitejdbc.so" /src/native/ && rm -rf /tmp/sqlite

# Runtime stage: a JRE only, a non-root user with UID 1000 (as Hugging Face Spaces runs it), data under /data.
FROM eclipse-temurin:25-jre
RUN (userdel -r ubuntu 2>/dev/null || true) \
 && useradd --uid 1000 --create-home --shell /usr/sbin/nologin andes \
 && mkdir -p /data /app && chown andes:andes /data /app
WORKDIR /app
# only the extracted application: the jar it came from stays in the build stage, not in a layer of this image
COPY --from=build --chown=andes:andes /src/run /app/run
COPY --from=build /src/native /app/native
USER andes
# Out of memory, the JVM exits (and the platform restarts it) rather than go on half alive: a month that did it
# counts as a failed attempt at the next start (MonthImport), so it cannot do it for ever.
ENV PORT=7860 \
    ANDESOPS_DATA_DIR=/data \
    VAADIN_USAGE_STATS_ENABLED=false \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Dorg.sqlite.lib.path=/app/native -Dorg.sqlite.lib.name=libsqlitejdbc.so --enable-native-access=ALL-UNNAMED"
# Start in ~4.5 s instead of ~12 s on two cores: the jar extracted to a plain classpath and a JDK 25 AOT cache
# (classes loaded and linked ahead of time) trained on one start of this very jar with this very JVM and these options.
# Lucene's vectorised search code needs the incubating Vector API module: given when this runtime has it (the same
# options in training and at run time, or the JVM would refuse the cache)
RUN if java --list-modules 2>/dev/null | grep -q '^jdk.incubator.vector@'; then \
      echo '--add-modules=jdk.incubator.vector' > /app/run/jvm.options; else : > /app/run/jvm.options; fi
RUN ANDESOPS_DATA_DIR=/tmp/aot-training ANDESOPS_SYNC_ENABLED=false PORT=0 \
    java @/app/run/jvm.options --enable-native-access=ALL-UNNAMED -XX:AOTCacheOutput=/app/run/app.aot -Dspring.context.exit=onRefresh \
         -jar /app/run/app.jar > /tmp/aot-training.log 2>&1 \
 && rm -rf /tmp/aot-training /tmp/aot-training.log
VOLUME ["/data"]
EXPOSE 7860
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/${PORT} && printf "GET /actuator/health HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && grep -q "\"UP\"" <&3'
# With a JVM that does not match the cache, the JVM says so and starts without it.
ENTRYPOINT ["java", "@/app/run/jvm.options", "-XX:AOTCache=/app/run/app.aot", "-jar", "/app/run/app.jar"]
