# syntax=docker/dockerfile:1
# Leakwatch on the official Playwright image: its Chromium build matches playwright-core 1.65.1
# (package-lock.json), so the crawler finds it through playwright-core's executablePath()
# (PLAYWRIGHT_BROWSERS_PATH=/ms-playwright) and LEAKWATCH_CHROMIUM is not needed.
# Keep the tag in step with playwright-core whenever that package is upgraded.
ARG PLAYWRIGHT_IMAGE=mcr.microsoft.com/playwright:v1.65.1-noble

# ---- build: dev dependencies, compile TypeScript, then drop dev dependencies ----
FROM ${PLAYWRIGHT_IMAGE} AS build
WORKDIR /app
# Toolchain only for the case where better-sqlite3 has no prebuilt binary for this Node/arch.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# tsc also emits the JSON modules import (the name gazetteer); the test makes sure it is there.
RUN npm run build \
 && test -f dist/cli/main.js && test -f dist/detectors/gazetteer/names.generated.json \
 && npm prune --omit=dev --no-audit --no-fund

# ---- runtime: non-root, data on a volume ----
FROM ${PLAYWRIGHT_IMAGE}
ENV NODE_ENV=production \
    LEAKWATCH_DB=/data/leakwatch.db \
    LEAKWATCH_OUTBOX_DIR=/data/outbox \
    LEAKWATCH_DASHBOARD_HOST=0.0.0.0 \
    LEAKWATCH_DASHBOARD_PORT=8787
WORKDIR /app
COPY --from=build --chown=root:root /app/package.json /app/package-lock.json ./
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --from=build --chown=root:root /app/bin ./bin
COPY --from=build --chown=root:root /app/config ./config
# pwuser comes with the Playwright image. The code stays root-owned and read-only to it;
# only /data (database, secrets, outbox, evidence) is writable.
RUN mkdir -p /data && chown pwuser:pwuser /data
USER pwuser
VOLUME ["/data"]
EXPOSE 8787
# Unhealthy when no sweep cycle has completed within monitor.staleAfterMinutes, or a target keeps failing
# (/healthz answers 503), not merely when the process is up. Node's fetch: the image has no curl.
HEALTHCHECK --interval=30s --timeout=10s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.LEAKWATCH_DASHBOARD_PORT||8787)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Run with an init (docker run --init / compose `init: true`) so Chromium's child processes are reaped;
# SIGTERM reaches node, which checkpoints the sweep, flushes the outbox and exits 0.
CMD ["node", "dist/cli/main.js", "serve", "--config", "/app/config/leakwatch.docker.yaml"]
