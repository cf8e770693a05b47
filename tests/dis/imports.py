import os.path
import sys as s
from os.path import join, sep as separator
from . import sibling
from .pkg import thing
