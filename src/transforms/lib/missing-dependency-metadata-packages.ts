// NVS003's knowledge of Python packages: the standard library (never a dependency) and the
// PyPI distribution that provides a well-known import name (`cv2` comes from `opencv-python`).
// Only import names listed here become dependencies: an unknown top-level module may be a local
// file next to the notebook, and writing its name into the dependencies would make `uv run`
// install whatever package of that name PyPI happens to hold.

/** Python 3.11's `sys.stdlib_module_names`. */
export const STDLIB_MODULES: ReadonlySet<string> = new Set(
  (
    "__future__ _abc _aix_support _ast _asyncio _bisect _blake2 _bootsubprocess _bz2 _codecs " +
    "_codecs_cn _codecs_hk _codecs_iso2022 _codecs_jp _codecs_kr _codecs_tw _collections " +
    "_collections_abc _compat_pickle _compression _contextvars _crypt _csv _ctypes _curses " +
    "_curses_panel _datetime _dbm _decimal _elementtree _frozen_importlib _frozen_importlib_external " +
    "_functools _gdbm _hashlib _heapq _imp _io _json _locale _lsprof _lzma _markupbase _md5 _msi " +
    "_multibytecodec _multiprocessing _opcode _operator _osx_support _overlapped _pickle _posixshmem " +
    "_posixsubprocess _py_abc _pydecimal _pyio _queue _random _scproxy _sha1 _sha256 _sha3 _sha512 " +
    "_signal _sitebuiltins _socket _sqlite3 _sre _ssl _stat _statistics _string _strptime _struct " +
    "_symtable _thread _threading_local _tkinter _tokenize _tracemalloc _typing _uuid _warnings " +
    "_weakref _weakrefset _winapi _zoneinfo abc aifc antigravity argparse array ast asynchat asyncio " +
    "asyncore atexit audioop base64 bdb binascii bisect builtins bz2 cProfile calendar cgi cgitb " +
    "chunk cmath cmd code codecs codeop collections colorsys compileall concurrent configparser " +
    "contextlib contextvars copy copyreg crypt csv ctypes curses dataclasses datetime dbm decimal " +
    "difflib dis distutils doctest email encodings ensurepip enum errno faulthandler fcntl filecmp " +
    "fileinput fnmatch fractions ftplib functools gc genericpath getopt getpass gettext glob graphlib " +
    "grp gzip hashlib heapq hmac html http idlelib imaplib imghdr imp importlib inspect io ipaddress " +
    "itertools json keyword lib2to3 linecache locale logging lzma mailbox mailcap marshal math " +
    "mimetypes mmap modulefinder msilib msvcrt multiprocessing netrc nis nntplib nt ntpath nturl2path " +
    "numbers opcode operator optparse os ossaudiodev pathlib pdb pickle pickletools pipes pkgutil " +
    "platform plistlib poplib posix posixpath pprint profile pstats pty pwd py_compile pyclbr pydoc " +
    "pydoc_data pyexpat queue quopri random re readline reprlib resource rlcompleter runpy sched " +
    "secrets select selectors shelve shlex shutil signal site smtpd smtplib sndhdr socket " +
    "socketserver spwd sqlite3 sre_compile sre_constants sre_parse ssl stat statistics string " +
    "stringprep struct subprocess sunau symtable sys sysconfig syslog tabnanny tarfile telnetlib " +
    "tempfile termios textwrap this threading time timeit tkinter token tokenize tomllib trace " +
    "traceback tracemalloc tty turtle turtledemo types typing unicodedata unittest urllib uu uuid " +
    "venv warnings wave weakref webbrowser winreg winsound wsgiref xdrlib xml xmlrpc zipapp zipfile " +
    "zipimport zlib zoneinfo"
  ).split(" "),
);

/**
 * Import name (a top-level module, or a dotted namespace package) → the distributions that
 * provide it. The first is what the fix writes; the others satisfy the check when a notebook
 * already lists one of them (`opencv-python-headless` for `cv2`).
 */
const DIFFERENT_NAMES: Readonly<Record<string, readonly string[]>> = {
  cv2: ["opencv-python", "opencv-python-headless", "opencv-contrib-python", "opencv-contrib-python-headless"],
  sklearn: ["scikit-learn"],
  skimage: ["scikit-image"],
  PIL: ["pillow"],
  yaml: ["pyyaml"],
  bs4: ["beautifulsoup4"],
  dateutil: ["python-dateutil"],
  dotenv: ["python-dotenv"],
  jwt: ["pyjwt"],
  attr: ["attrs"],
  serial: ["pyserial"],
  usb: ["pyusb"],
  Crypto: ["pycryptodome"],
  git: ["gitpython"],
  zmq: ["pyzmq"],
  docx: ["python-docx"],
  pptx: ["python-pptx"],
  fitz: ["pymupdf"],
  magic: ["python-magic"],
  OpenGL: ["pyopengl"],
  Bio: ["biopython"],
  osgeo: ["gdal"],
  igraph: ["igraph", "python-igraph"],
  imblearn: ["imbalanced-learn"],
  mpl_toolkits: ["matplotlib"],
  pkg_resources: ["setuptools"],
  umap: ["umap-learn"],
  hydra: ["hydra-core"],
  pyro: ["pyro-ppl"],
  nemo: ["nemo-toolkit"],
  open_clip: ["open-clip-torch"],
  vl_convert: ["vl-convert-python"],
  warp: ["warp-lang"],
  faiss: ["faiss-cpu", "faiss-gpu", "faiss-gpu-cu12", "faiss-gpu-cu11"],
  onnxruntime: ["onnxruntime", "onnxruntime-gpu"],
  tensorflow: ["tensorflow", "tensorflow-cpu", "tensorflow-gpu"],
  psycopg2: ["psycopg2", "psycopg2-binary"],
  MySQLdb: ["mysqlclient"],
  "mysql.connector": ["mysql-connector-python"],
  pynvml: ["nvidia-ml-py", "pynvml"],
  cuda: ["cuda-python"],
  cupy: ["cupy-cuda12x", "cupy-cuda11x", "cupy"],
  cudf: ["cudf-cu12", "cudf-cu11", "cudf"],
  cuml: ["cuml-cu12", "cuml-cu11", "cuml"],
  cugraph: ["cugraph-cu12", "cugraph-cu11", "cugraph"],
  nx_cugraph: ["nx-cugraph-cu12", "nx-cugraph-cu11", "nx-cugraph"],
  cuspatial: ["cuspatial-cu12", "cuspatial-cu11", "cuspatial"],
  cuvs: ["cuvs-cu12", "cuvs-cu11", "cuvs"],
  cucim: ["cucim-cu12", "cucim-cu11", "cucim"],
  cuxfilter: ["cuxfilter-cu12", "cuxfilter-cu11", "cuxfilter"],
  dask_cudf: ["dask-cudf-cu12", "dask-cudf-cu11", "dask-cudf"],
  rmm: ["rmm-cu12", "rmm-cu11", "rmm"],
  pylibraft: ["pylibraft-cu12", "pylibraft-cu11", "pylibraft"],
  raft_dask: ["raft-dask-cu12", "raft-dask-cu11", "raft-dask"],
  "nvidia.dali": ["nvidia-dali-cuda120", "nvidia-dali-cuda110"],
  "google.protobuf": ["protobuf"],
  "google.genai": ["google-genai"],
  "google.generativeai": ["google-generativeai"],
};

/** Import names that are also the distribution's name (after PEP 503 normalisation). */
const SAME_NAMES = (
  "marimo numpy pandas polars scipy matplotlib seaborn plotly altair bokeh holoviews hvplot panel " +
  "pydeck folium geopandas shapely pyproj rasterio cartopy xarray zarr h5py netCDF4 tables pyarrow " +
  "duckdb sqlalchemy sqlglot pymongo redis psycopg openpyxl xlrd pyspark dask distributed ray joblib " +
  "numba triton torch torchvision torchaudio torchmetrics torchtext torchdata torch_geometric dgl " +
  "lightning pytorch_lightning transformers diffusers accelerate datasets evaluate tokenizers " +
  "safetensors huggingface_hub sentence_transformers peft trl bitsandbytes xformers flash_attn " +
  "deepspeed einops timm kornia albumentations ultralytics sentencepiece tiktoken vllm tensorrt " +
  "tensorrt_llm transformer_engine pycuda nvtx nvitop gputil py3nvml onnx jax jaxlib flax optax " +
  "keras tensorflow_datasets tensorflow_hub xgboost lightgbm catboost statsmodels sympy networkx " +
  "shap optuna omegaconf hdbscan pymde mlflow wandb tensorboard tensorboardx clearml openai " +
  "anthropic langchain langchain_core langchain_community langchain_openai llama_index ollama " +
  "litellm instructor spacy nltk gensim librosa soundfile imageio pydub tqdm rich typer click " +
  "requests httpx aiohttp pydantic fastapi uvicorn flask streamlit gradio ipywidgets anywidget " +
  "traitlets IPython jinja2 markdown pygments toml tomli tomlkit boto3 botocore s3fs gcsfs fsspec " +
  "psutil tabulate humanize faker pytest hypothesis vegafusion vega_datasets kaleido gymnasium gym " +
  "stable_baselines3 pymc arviz numpyro cvxpy pulp ortools lmfit category_encoders mlxtend " +
  "wigglystuff mohtml drawdata setuptools"
).split(" ");

const KNOWN: ReadonlyMap<string, readonly string[]> = new Map([
  ...SAME_NAMES.map((name): [string, readonly string[]] => [name, [normalizeDistribution(name)]]),
  ...Object.entries(DIFFERENT_NAMES),
]);

/** PEP 503 normalisation: `Scikit_Learn` and `scikit-learn` are the same distribution. */
export function normalizeDistribution(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

export type ModuleOrigin =
  | { readonly kind: "stdlib" }
  | { readonly kind: "relative" }
  | { readonly kind: "known"; readonly distributions: readonly string[] }
  | { readonly kind: "unknown"; readonly name: string };

/** Where an imported module (`torch.nn`, `google.protobuf.message`, `.utils`) comes from. */
export function moduleOrigin(module: string): ModuleOrigin {
  if (module === "" || module.startsWith(".")) return { kind: "relative" };
  const parts = module.split(".");
  const top = parts[0]!;
  if (STDLIB_MODULES.has(top)) return { kind: "stdlib" };
  // Namespace packages first: `google.cloud.storage` → `google-cloud-storage`.
  for (let n = parts.length; n >= 2; n--) {
    const known = KNOWN.get(parts.slice(0, n).join("."));
    if (known) return { kind: "known", distributions: known };
  }
  if (top === "google" && parts[1] === "cloud" && parts[2]) {
    return { kind: "known", distributions: [`google-cloud-${normalizeDistribution(parts[2])}`] };
  }
  const known = KNOWN.get(top);
  if (known) return { kind: "known", distributions: known };
  return { kind: "unknown", name: parts.length > 1 && (top === "google" || top === "nvidia") ? parts.slice(0, 2).join(".") : top };
}
