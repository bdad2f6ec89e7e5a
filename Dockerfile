# One image per service, built from this repository: docker build --build-arg SERVICE=ingest-service .
FROM eclipse-temurin:21-jdk AS build
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

FROM eclipse-temurin:21-jre
ARG SERVICE
WORKDIR /app
COPY --from=build --chown=185 /src/${SERVICE}/target/quarkus-app/ /app/
USER 185
ENV JAVA_OPTS_APPEND="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS_APPEND -jar /app/quarkus-run.jar"]
