/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lotsen-removable.c — USB sticks and memory cards the system has
 * mounted: where the export page writes, and where the nightly backup
 * goes when a stick asks for it. */

#define G_LOG_DOMAIN "lotsen-removable"

#include "config.h"

#include "lotsen-removable.h"

/**
 * lotsen_removable_get_path:
 * @mount: a mount from the volume monitor
 *
 * Returns: (transfer full) (nullable): the local path of @mount when it is
 *   a removable medium (a stick or card that can be ejected), else %NULL
 */
char *
lotsen_removable_get_path (GMount *mount)
{
  g_autoptr(GDrive) drive = NULL;
  g_autoptr(GVolume) volume = NULL;
  g_autoptr(GFile) root = NULL;

  g_return_val_if_fail (G_IS_MOUNT (mount), NULL);

  if (g_mount_is_shadowed (mount))
    return NULL;

  drive = g_mount_get_drive (mount);
  volume = g_mount_get_volume (mount);

  if (!g_mount_can_eject (mount) &&
      !(drive != NULL && (g_drive_is_removable (drive) || g_drive_can_eject (drive))) &&
      !(volume != NULL && g_volume_can_eject (volume)))
    return NULL;

  root = g_mount_get_root (mount);
  return g_file_get_path (root);
}

/**
 * lotsen_removable_find_backup_folders:
 * @monitor: the volume monitor
 *
 * A stick is marked for the kiosk's backups by a folder named
 * %LOTSEN_REMOVABLE_BACKUP_FOLDER at its top.
 *
 * Returns: (transfer full) (element-type filename): that folder on every
 *   mounted removable medium that has one
 */
GPtrArray *
lotsen_removable_find_backup_folders (GVolumeMonitor *monitor)
{
  g_autolist(GMount) mounts = NULL;
  GPtrArray *folders = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (G_IS_VOLUME_MONITOR (monitor), folders);

  mounts = g_volume_monitor_get_mounts (monitor);
  for (GList *l = mounts; l != NULL; l = l->next)
    {
      g_autofree char *root = lotsen_removable_get_path (l->data);
      g_autofree char *folder = NULL;

      if (root == NULL)
        continue;

      folder = g_build_filename (root, LOTSEN_REMOVABLE_BACKUP_FOLDER, NULL);
      if (g_file_test (folder, G_FILE_TEST_IS_DIR))
        g_ptr_array_add (folders, g_steal_pointer (&folder));
    }

  return folders;
}
