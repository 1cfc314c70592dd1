/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The kiosk's messages to systemd arrive as systemd reads them: one
 * datagram each on $NOTIFY_SOCKET, a file or an abstract name. */
#include "config.h"

#include <gio/gio.h>
#include <gio/gunixsocketaddress.h>
#include <unistd.h>

#include "lotsen-sd-notify.h"
#include "lotsen-test-util.h"

static GSocket *
listen_on (GSocketAddress *address)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_DATAGRAM,
                                            G_SOCKET_PROTOCOL_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_true (g_socket_bind (socket, address, FALSE, &error));
  g_assert_no_error (error);
  g_socket_set_timeout (socket, 5);

  return g_steal_pointer (&socket);
}

static char *
receive (GSocket *socket)
{
  g_autoptr(GError) error = NULL;
  char buffer[256];
  gssize n = g_socket_receive (socket, buffer, sizeof buffer - 1, NULL, &error);

  g_assert_no_error (error);
  buffer[n] = '\0';
  return g_strdup (buffer);
}

static void
test_sd_notify_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lotsen-notify-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "notify", NULL);
  g_autoptr(GSocketAddress) address = g_unix_socket_address_new (path);
  g_autoptr(GSocket) socket = listen_on (address);
  g_autofree char *ready = NULL;
  g_autofree char *watchdog = NULL;

  g_setenv ("NOTIFY_SOCKET", path, TRUE);
  g_assert_true (lotsen_sd_notify ("READY=1"));
  g_assert_true (lotsen_sd_notify ("WATCHDOG=1"));
  ready = receive (socket);
  watchdog = receive (socket);
  g_assert_cmpstr (ready, ==, "READY=1");
  g_assert_cmpstr (watchdog, ==, "WATCHDOG=1");

  g_socket_close (socket, NULL);
  remove_tree (dir);
}

static void
test_sd_notify_abstract (void)
{
  g_autofree char *name = g_strdup_printf ("lotsen-test-notify-%d", (int) getpid ());
  g_autofree char *variable = g_strconcat ("@", name, NULL);
  g_autoptr(GSocketAddress) address = g_unix_socket_address_new_with_type (name, -1, G_UNIX_SOCKET_ADDRESS_ABSTRACT);
  g_autoptr(GSocket) socket = listen_on (address);
  g_autofree char *ready = NULL;

  g_setenv ("NOTIFY_SOCKET", variable, TRUE);
  g_assert_true (lotsen_sd_notify ("READY=1"));
  ready = receive (socket);
  g_assert_cmpstr (ready, ==, "READY=1");
}

/* Not started by systemd: nothing is sent, nothing fails. */
static void
test_sd_notify_unset (void)
{
  g_unsetenv ("NOTIFY_SOCKET");
  g_assert_false (lotsen_sd_notify ("READY=1"));
  g_setenv ("NOTIFY_SOCKET", "relative/name", TRUE);
  g_assert_false (lotsen_sd_notify ("READY=1"));
  g_setenv ("NOTIFY_SOCKET", "/nonexistent/notify", TRUE);
  g_assert_false (lotsen_sd_notify ("READY=1"));
  g_unsetenv ("NOTIFY_SOCKET");
}

static void
test_sd_watchdog_interval (void)
{
  g_autofree char *self = g_strdup_printf ("%d", (int) getpid ());
  g_autofree char *parent = NULL;

  g_unsetenv ("WATCHDOG_USEC");
  g_unsetenv ("WATCHDOG_PID");
  g_assert_cmpuint (lotsen_sd_watchdog_interval (), ==, 0);

  g_setenv ("WATCHDOG_USEC", "30000000", TRUE);
  g_assert_cmpuint (lotsen_sd_watchdog_interval (), ==, 30000000);
  g_setenv ("WATCHDOG_PID", self, TRUE);
  g_assert_cmpuint (lotsen_sd_watchdog_interval (), ==, 30000000);
  /* Under cage, systemd's main process is the compositor, our parent. */
  parent = g_strdup_printf ("%d", (int) getppid ());
  g_setenv ("WATCHDOG_PID", parent, TRUE);
  g_assert_cmpuint (lotsen_sd_watchdog_interval (), ==, 30000000);
  g_setenv ("WATCHDOG_PID", "2147483646", TRUE);
  g_assert_cmpuint (lotsen_sd_watchdog_interval (), ==, 0);
  g_setenv ("WATCHDOG_USEC", "soon", TRUE);
  g_unsetenv ("WATCHDOG_PID");
  g_assert_cmpuint (lotsen_sd_watchdog_interval (), ==, 0);
  g_unsetenv ("WATCHDOG_USEC");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sd-notify/path", test_sd_notify_path);
  g_test_add_func ("/sd-notify/abstract", test_sd_notify_abstract);
  g_test_add_func ("/sd-notify/unset", test_sd_notify_unset);
  g_test_add_func ("/sd-notify/watchdog-interval", test_sd_watchdog_interval);

  return g_test_run ();
}
