/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "lotsen-application.h"
#include "lotsen-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LotsenApplication) app = NULL;
  const char *localedir = g_getenv ("LOTSEN_LOCALEDIR");

  lotsen_i18n_init (localedir ? localedir : LOCALEDIR);

  app = lotsen_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
