"""Static files under `make run` as production serves them.

Django names static files by their hashed names only when DEBUG is off, so the development
server would send the plain names, uncompressed and checked again on every visit. This storage
(the development settings use it) gives the hashed names with DEBUG on too, once collectstatic
has run (`make run` runs it); WhiteNoise then sends them compressed and cached for a year. A file
not collected yet keeps its plain name and is served from the app and project folders."""

from django.core.files.storage import FileSystemStorage
from whitenoise.storage import CompressedManifestStaticFilesStorage


class HashedStaticFilesStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.manifest_strict = False  # a file missing from the manifest is looked for as it is

    def url(self, name, force=False):
        try:
            return super().url(name, force=True)
        except ValueError:  # not collected yet
            return FileSystemStorage.url(self, name)
