/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "lotsen-test-ui.h"
int main (int argc, char *argv[]) { lotsen_test_ui_init (&argc, &argv); return g_test_run (); }
