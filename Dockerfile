# Multi-stage build: a static genderlens binary on a small base, run as a non-root user.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o /out/genderlens ./cmd/genderlens

FROM alpine:3.20
RUN adduser -D -H -u 10001 genderlens && mkdir -p /data && chown genderlens /data
COPY --from=build /out/genderlens /usr/local/bin/genderlens
USER genderlens
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s CMD wget -q -O /dev/null http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["genderlens"]
CMD ["serve", "--data", "/data", "--listen", "0.0.0.0:8080"]
