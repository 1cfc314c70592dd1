/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LOTSEN_TYPE_RECORDER (lotsen_recorder_get_type ())
G_DECLARE_FINAL_TYPE (LotsenRecorder, lotsen_recorder, LOTSEN, RECORDER, GObject)

LotsenRecorder *lotsen_recorder_new   (void);
gboolean        lotsen_recorder_start (LotsenRecorder  *self,
                                       const char      *path,
                                       GError         **error);
gboolean        lotsen_recorder_stop  (LotsenRecorder  *self,
                                       GError         **error);
gboolean        lotsen_recorder_wait  (LotsenRecorder  *self,
                                       GError         **error);
gboolean        lotsen_recorder_get_recording (LotsenRecorder *self);

G_END_DECLS
