"""Bulk data for measuring speed at scale (`manage.py generate_bulk_data`): tens of thousands of
pages, members, threads and results, built from the apps' factories and written in batches."""
