# One image for the app and the worker (docker-compose.yml picks the command).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx next build
# After the build (npm ci needs the dev dependencies): the app and the worker run in production mode,
# which refuses development defaults at start.
ENV NODE_ENV=production
EXPOSE 3000
CMD ["npm", "start"]
