# govdraft serve in a container, the data dir (drafts, write lock, LanceDB tables) on a volume.
#   docker build -t govdraft .
#   docker run -d --name govdraft -p 8787:8787 -v govdraft-data:/data -e GOVDRAFT_TOKEN=<secret> govdraft
# The image holds exactly what `npm pack` publishes (package.json "files") plus production
# dependencies. For an air-gapped host: `docker save govdraft | gzip > govdraft-image.tar.gz` where
# the registry is reachable, then `docker load < govdraft-image.tar.gz` inside.

FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY . .
RUN npm ci --no-audit --no-fund \
 && npm pack --silent \
 && mkdir /app \
 && tar -xzf govdraft-*.tgz -C /app --strip-components=1 \
 && npm prune --omit=dev --no-audit --no-fund \
 && mv node_modules /app/node_modules

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    LANCEDB_LOG=error \
    GOVDRAFT_DATA_DIR=/data \
    GOVDRAFT_HOST=0.0.0.0 \
    GOVDRAFT_PORT=8787
WORKDIR /app
COPY --from=build /app /app
RUN mkdir -p /data && chown node:node /data
VOLUME /data
EXPOSE 8787
USER node
# /api/health needs no token; serving beyond loopback refuses to start without GOVDRAFT_TOKEN.
HEALTHCHECK --interval=30s --timeout=5s \
  CMD node -e "fetch('http://127.0.0.1:8787/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
ENTRYPOINT ["node", "/app/dist/cli/main.js"]
CMD ["serve"]
