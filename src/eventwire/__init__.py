"""eventwire: news articles in, a sourced record of world politics out."""

__version__ = "0.1.0"

from .errors import EventwireError, InputError, UnsupportedLanguage  # noqa: E402
from .pipeline import ArticleInput, Pipeline, extract  # noqa: E402
from .record import Record  # noqa: E402

__all__ = ["ArticleInput", "EventwireError", "InputError", "Pipeline", "Record", "UnsupportedLanguage", "extract",
           "__version__"]
