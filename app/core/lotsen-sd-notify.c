/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-sd-notify.c — telling systemd how the kiosk is, without
 * libsystemd: one datagram to $NOTIFY_SOCKET per message, as sd_notify(3)
 * describes.  Without that variable (not started by systemd) nothing is
 * sent. */

#define G_LOG_DOMAIN "lotsen-sd-notify"

#include "config.h"

#include <gio/gio.h>
#include <gio/gunixsocketaddress.h>
#include <string.h>
#include <unistd.h>

#include "lotsen-sd-notify.h"

/**
 * lotsen_sd_notify:
 * @state: newline-separated assignments, e.g. "READY=1" or "WATCHDOG=1"
 *
 * Returns: %TRUE when @state was sent; %FALSE when $NOTIFY_SOCKET is not
 *   set or cannot be reached
 */
gboolean
lotsen_sd_notify (const char *state)
{
  const char *path = g_getenv ("NOTIFY_SOCKET");
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_return_val_if_fail (state != NULL, FALSE);

  if (path == NULL || path[0] == '\0')
    return FALSE;

  /* "@name" is a socket in the abstract namespace, else a file. */
  if (path[0] == '@')
    address = g_unix_socket_address_new_with_type (path + 1, -1, G_UNIX_SOCKET_ADDRESS_ABSTRACT);
  else if (path[0] == '/')
    address = g_unix_socket_address_new (path);
  else
    {
      g_debug ("NOTIFY_SOCKET=%s is neither a path nor an abstract name", path);
      return FALSE;
    }

  socket = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_DATAGRAM, G_SOCKET_PROTOCOL_DEFAULT, &error);
  if (socket == NULL)
    {
      g_debug ("No socket for systemd: %s", error->message);
      return FALSE;
    }

  length = strlen (state);
  if (g_socket_send_to (socket, address, state, length, NULL, &error) != (gssize) length)
    {
      g_debug ("Cannot tell systemd %s: %s", state, error ? error->message : "short write");
      return FALSE;
    }

  return TRUE;
}

/**
 * lotsen_sd_watchdog_interval:
 *
 * Returns: the watchdog interval systemd expects WATCHDOG=1 within, in
 *   microseconds ($WATCHDOG_USEC), or 0 when there is no watchdog for
 *   this process or its parent
 */
guint64
lotsen_sd_watchdog_interval (void)
{
  const char *usec = g_getenv ("WATCHDOG_USEC");
  const char *pid = g_getenv ("WATCHDOG_PID");
  guint64 value, watched;

  if (usec == NULL || !g_ascii_string_to_unsigned (usec, 10, 1, G_MAXUINT64, &value, NULL))
    return 0;

  /* systemd names its main process; under cage that is the compositor,
   * which started the kiosk and passed the variables on (the unit has
   * NotifyAccess=all for this).  Set for any other process: not ours. */
  if (pid != NULL &&
      (!g_ascii_string_to_unsigned (pid, 10, 1, G_MAXUINT64, &watched, NULL) ||
       (watched != (guint64) getpid () && watched != (guint64) getppid ())))
    return 0;

  return value;
}
