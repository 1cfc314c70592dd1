/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <unistd.h>

#include "lotsen-application.h"
#include "lotsen-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LotsenApplication) app = NULL;
  const char *localedir = g_getenv ("LOTSEN_LOCALEDIR");
  int status;

  lotsen_i18n_init (localedir ? localedir : LOCALEDIR);

  app = lotsen_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);

  if (status == 0 && lotsen_application_get_exit_status (app) != 0)
    status = lotsen_application_get_exit_status (app);

  /* Staff asked for a restart: systemd starts the kiosk again by itself;
   * started by hand, it starts itself again. */
  if (status == 0 && lotsen_application_get_restart (app) && g_getenv ("NOTIFY_SOCKET") == NULL)
    {
      g_clear_object (&app);
      execv ("/proc/self/exe", argv);
      g_printerr ("lotsen: cannot start again: %s\n", g_strerror (errno));
      return 1;
    }

  return status;
}
