# One image per service, built from this repository: docker build --build-arg SERVICE=ingest-service .
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY commons commons
COPY ingest-service ingest-service
COPY claims-service claims-service
COPY review-service review-service
COPY web-ui web-ui
ARG SERVICE
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q package -DskipTests -pl ${SERVICE} -am

FROM eclipse-temurin:25-jre
ARG SERVICE
WORKDIR /app
COPY --from=build --chown=185 /src/${SERVICE}/target/quarkus-app/ /app/
COPY --chown=185 scripts/service-jvm.options /app/
COPY --chown=185 scripts/jvm/${SERVICE}.options /app/service.options
USER 185
# The JVM options every launcher shares (scripts/service-jvm.options, then the service's own in scripts/jvm/), and
# the AOT cache made here, by the JVM of this image, which alone may use it. The training start ends where it first
# needs the database, which an image build has not; the classes loaded until then are in the cache (run.sh trains on
# a whole start, so its cache holds more).
RUN java @service-jvm.options @service.options -XX:AOTCacheOutput=app.aot -Dquarkus.appcds.generate=true -jar quarkus-run.jar \
      > /tmp/aot-training.log 2>&1; \
    test -s app.aot || { cat /tmp/aot-training.log; exit 1; }
ENV JAVA_OPTS_APPEND="" MALLOC_ARENA_MAX=2
ENTRYPOINT ["sh", "-c", "exec java @service-jvm.options @service.options -XX:AOTCache=app.aot $JAVA_OPTS_APPEND -jar quarkus-run.jar"]
