# The site's image: the web process by default (the Procfile's `web` line); compose.yaml runs
# the task worker and the scheduler from the same image. See docs/operations.md.

# The front end: our Sass compiled with the NHS.UK frontend into static/dist.
FROM node:20-slim AS assets
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY frontend/ frontend/
RUN npm run build

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PATH=/opt/venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=source4networks.settings.production \
    MEDIA_ROOT=/app/media \
    PORT=8000
WORKDIR /app

# Every package pinned with its hashes (requirements/production.lock: the site and the s3 extra).
COPY requirements/production.lock requirements/production.lock
RUN python -m venv /opt/venv \
    && pip install --no-cache-dir --require-hashes -r requirements/production.lock

COPY . .
COPY --from=assets /app/static/dist static/dist
# Static files collected (hashed names, gzip and brotli copies) into the image. Production
# settings refuse to load without their environment, so placeholders stand in for this step.
RUN SECRET_KEY=collectstatic-only ALLOWED_HOSTS=localhost SITE_URL=http://localhost \
    REDIS_URL=redis://localhost:6379/0 EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend \
    python manage.py collectstatic --noinput --verbosity 0

# Run as a user of its own; uploads go to /app/media (a volume, or S3 when configured).
RUN useradd --uid 10001 --no-create-home --home-dir /app app \
    && mkdir -p /app/media && chown app:app /app/media
USER app
VOLUME ["/app/media"]
EXPOSE 8000
CMD ["gunicorn", "--config", "gunicorn.conf.py", "source4networks.wsgi"]
