"""Adding the bulk data to the search index with the search backend's bulk API, in batches.

The backend builds each object's search text in Python and PostgreSQL builds its tsvectors:
with `jobs` > 1 batches go to that many processes (forked, each with its own database
connection), so one builds text while another waits for the database. Inside a transaction
(tests) the other processes could not see the new rows: it then indexes in this process."""

import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor, as_completed

from django.db import OperationalError, connection, connections, transaction
from modelsearch.backends import get_search_backend

from casestudies.models import CaseStudyPage
from community.discussions.models import Post, Thread
from community.networks.models import Network
from events.models import EventPage
from resources.models import ResourcePage

from .common import Progress, batches

# Indexed by position, so a batch names its model in a form a process pool can pass on.
MODELS = [ResourcePage, CaseStudyPage, EventPage, Network, Thread, Post]
BATCH = 1000
RETRIES = 3


def index_batch(position, ids):
    """Index one batch; retried when two processes' title-norm updates deadlock."""
    model = MODELS[position]
    for attempt in range(RETRIES):
        try:
            objects = list(model.get_indexed_objects().filter(pk__in=ids))
            with transaction.atomic():
                get_search_backend().add_bulk(model, objects)
            return len(ids)
        except OperationalError:
            if attempt == RETRIES - 1:
                raise
            time.sleep(0.5 + attempt)
    return 0


def index(progress: Progress, made, jobs=2):
    """Index `made` ({model: [ids]}), reporting a line per batch and a total per model."""
    work = [(MODELS.index(model), ids) for model, ids in made.items() if ids]
    total = sum(len(ids) for _position, ids in work)
    progress.start("search index", total)
    tasks = [(position, chunk) for position, ids in work for chunk in batches(ids, BATCH)]
    if jobs <= 1 or connection.in_atomic_block:
        for position, chunk in tasks:
            progress.add(index_batch(position, chunk))
    else:
        # Forked processes must not share this process's database connection.
        connections.close_all()
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            for done in as_completed([pool.submit(index_batch, position, chunk) for position, chunk in tasks]):
                progress.add(done.result())
    progress.finish()
