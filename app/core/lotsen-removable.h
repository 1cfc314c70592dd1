/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The folder at the top of a USB stick that asks for the kiosk's backups. */
#define LOTSEN_REMOVABLE_BACKUP_FOLDER "lotsen-backup"

char      *lotsen_removable_get_path            (GMount          *mount);
GPtrArray *lotsen_removable_find_backup_folders (GVolumeMonitor  *monitor);

G_END_DECLS
