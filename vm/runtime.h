// Everything a VM source file usually needs: the object model, every core
// object type, errors, and the thread state.
#ifndef MINIPY_RUNTIME_H
#define MINIPY_RUNTIME_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "object.h"
#include "errors.h"
#include "state.h"
#include "ft.h"
#include "objects/int.h"
#include "objects/float.h"
#include "objects/str.h"
#include "objects/bytes.h"
#include "objects/list.h"
#include "objects/tuple.h"
#include "objects/dict.h"
#include "objects/set.h"
#include "objects/code.h"
#include "objects/func.h"
#include "objects/module.h"
#include "objects/range.h"
#include "format.h"

#endif
