"""Builds the module kg with CMake for pip (pyproject.toml): `pip install ./python` from a clone.

The module comes from the project's own CMake build (python/CMakeLists.txt), for the interpreter pip runs:
configured in a temporary directory and built with -j$KG_JOBS (default: every core). KG_CMAKE_BUILD_DIR
names an already configured build tree to build the module in instead (the python_pip test uses its own).
setuptools' build and egg-info directories go to a temporary directory, so the checkout stays clean.
Offline (Debian 12 has no scikit-build-core): `pip install --no-build-isolation --no-index ./python` in a
venv made with --system-site-packages, which sees Debian's python3-setuptools and python3-wheel.
"""
import atexit
import glob
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

SOURCE = pathlib.Path(__file__).resolve().parent.parent
VERSION = re.search(r"project\(kg VERSION ([0-9.]+)", (SOURCE / "CMakeLists.txt").read_text()).group(1)
SCRATCH = tempfile.mkdtemp(prefix="kg-pip-")  # pip runs this file once per step; each step cleans up after itself
atexit.register(shutil.rmtree, SCRATCH, ignore_errors=True)


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        build_dir = os.environ.get("KG_CMAKE_BUILD_DIR")
        if not build_dir:
            build_dir = os.path.join(SCRATCH, "cmake")
            subprocess.check_call(["cmake", "-S", str(SOURCE), "-B", build_dir, "-DCMAKE_BUILD_TYPE=Release",
                                   "-DKG_BUILD_PYTHON=ON", f"-DPython3_EXECUTABLE={sys.executable}"])
        jobs = os.environ.get("KG_JOBS", str(os.cpu_count() or 1))
        subprocess.check_call(["cmake", "--build", build_dir, "--target", "kg_python", "-j", jobs])
        built = glob.glob(os.path.join(build_dir, "python", "kg.*.so"))
        if len(built) != 1:
            raise RuntimeError(f"{build_dir}/python: expected one module kg.*.so, found {built}")
        target = self.get_ext_fullpath(ext.name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(built[0], target)


setup(version=VERSION, ext_modules=[Extension("kg", sources=[])], cmdclass={"build_ext": CMakeBuild},
      options={"build": {"build_base": os.path.join(SCRATCH, "build")},
               "egg_info": {"egg_base": SCRATCH}})
