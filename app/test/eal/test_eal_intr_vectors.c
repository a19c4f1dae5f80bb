/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Receive interrupt vectors of an interrupt handle: the fields and their range checks, the
 * queue-to-vector table, event fds per vector (VFIO MSI-X), the shared fd of other kinds, the
 * vdev counter size check, rte_intr_rx_ctl with rte_epoll_wait, and release of every fd made.
 */
#include "test_common.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>

#include <rte_common.h>
#include <rte_epoll.h>
#include <rte_errno.h>
#include <rte_interrupts.h>

static void
test_fields(void **state)
{
	struct rte_intr_handle *h = rte_intr_instance_alloc(RTE_INTR_INSTANCE_F_PRIVATE);
	struct rte_epoll_event ev, *pev;

	(void)state;
	assert_non_null(h);
	assert_int_equal(rte_intr_nb_intr_get(h), RTE_MAX_RXTX_INTR_VEC_ID);
	assert_int_equal(rte_intr_max_intr_get(h), 0);
	assert_int_equal(rte_intr_nb_efd_get(h), 0);
	assert_int_equal(rte_intr_dp_is_en(h), 0);
	assert_int_equal(rte_intr_allow_others(h), 1);
	assert_int_equal(rte_intr_cap_multiple(h), 0);
	assert_int_equal(rte_intr_type_set(h, RTE_INTR_HANDLE_VFIO_MSIX), 0);
	assert_int_equal(rte_intr_cap_multiple(h), 1);
	assert_int_equal(rte_intr_type_set(h, RTE_INTR_HANDLE_VDEV), 0);
	assert_int_equal(rte_intr_cap_multiple(h), 1);

	assert_int_equal(rte_intr_max_intr_set(h, 3), 0);
	assert_int_equal(rte_intr_max_intr_get(h), 3);
	rte_errno = 0;
	assert_int_equal(rte_intr_max_intr_set(h, RTE_MAX_RXTX_INTR_VEC_ID + 1), -ERANGE);
	assert_int_equal(rte_errno, ERANGE);
	assert_int_equal(rte_intr_max_intr_get(h), 3);
	assert_int_equal(rte_intr_nb_efd_set(h, 2), 0);
	assert_int_equal(rte_intr_nb_efd_get(h), 2);
	assert_int_equal(rte_intr_nb_efd_set(h, -1), -ERANGE);
	assert_int_equal(rte_intr_efd_counter_size_set(h, 8), 0);
	assert_int_equal(rte_intr_efd_counter_size_get(h), 8);
	assert_int_equal(rte_intr_efds_index_set(h, 5, 42), 0);
	assert_int_equal(rte_intr_efds_index_get(h, 5), 42);
	assert_int_equal(rte_intr_efds_index_get(h, RTE_MAX_RXTX_INTR_VEC_ID), -ERANGE);
	assert_int_equal(rte_intr_efds_index_set(h, -1, 1), -ERANGE);
	memset(&ev, 0, sizeof(ev));
	ev.fd = 77;
	assert_int_equal(rte_intr_elist_index_set(h, 1, ev), 0);
	pev = rte_intr_elist_index_get(h, 1);
	assert_non_null(pev);
	assert_int_equal(pev->fd, 77);
	rte_errno = 0;
	assert_null(rte_intr_elist_index_get(h, RTE_MAX_RXTX_INTR_VEC_ID));
	assert_int_equal(rte_errno, ERANGE);
	assert_int_equal(rte_intr_elist_index_set(h, RTE_MAX_RXTX_INTR_VEC_ID, ev), -ERANGE);
	assert_int_equal(rte_intr_instance_windows_handle_set(h, &ev), 0);
	assert_ptr_equal(rte_intr_instance_windows_handle_get(h), &ev);

	/* A copy carries the vector settings and tables. */
	{
		struct rte_intr_handle *d = rte_intr_instance_dup(h);

		assert_non_null(d);
		assert_int_equal(rte_intr_max_intr_get(d), 3);
		assert_int_equal(rte_intr_nb_efd_get(d), 2);
		assert_int_equal(rte_intr_efds_index_get(d, 5), 42);
		assert_int_equal(rte_intr_elist_index_get(d, 1)->fd, 77);
		assert_ptr_not_equal(rte_intr_elist_index_get(d, 1), pev);
		rte_intr_instance_free(d);
	}

	/* Smaller tables keep what fits. */
	assert_int_equal(rte_intr_event_list_update(h, 0), -EINVAL);
	assert_int_equal(rte_intr_event_list_update(h, 8), 0);
	assert_int_equal(rte_intr_nb_intr_get(h), 8);
	assert_int_equal(rte_intr_efds_index_get(h, 5), 42);
	assert_int_equal(rte_intr_efds_index_get(h, 8), -ERANGE);
	assert_int_equal(rte_intr_max_intr_set(h, 9), -ERANGE);
	rte_intr_instance_free(h);

	/* NULL handle. */
	rte_errno = 0;
	assert_int_equal(rte_intr_max_intr_get(NULL), -EINVAL);
	assert_int_equal(rte_errno, EINVAL);
	assert_int_equal(rte_intr_max_intr_set(NULL, 1), -EINVAL);
	assert_int_equal(rte_intr_nb_efd_get(NULL), -EINVAL);
	assert_int_equal(rte_intr_nb_efd_set(NULL, 1), -EINVAL);
	assert_int_equal(rte_intr_nb_intr_get(NULL), -EINVAL);
	assert_int_equal(rte_intr_efd_counter_size_get(NULL), -EINVAL);
	assert_int_equal(rte_intr_efd_counter_size_set(NULL, 1), -EINVAL);
	assert_int_equal(rte_intr_efds_index_get(NULL, 0), -EINVAL);
	assert_int_equal(rte_intr_efds_index_set(NULL, 0, 1), -EINVAL);
	assert_null(rte_intr_elist_index_get(NULL, 0));
	assert_int_equal(rte_intr_elist_index_set(NULL, 0, ev), -EINVAL);
	assert_int_equal(rte_intr_vec_list_alloc(NULL, "x", 1), -EINVAL);
	assert_int_equal(rte_intr_vec_list_index_get(NULL, 0), -EINVAL);
	assert_int_equal(rte_intr_vec_list_index_set(NULL, 0, 1), -EINVAL);
	assert_int_equal(rte_intr_event_list_update(NULL, 4), -EINVAL);
	assert_null(rte_intr_instance_windows_handle_get(NULL));
	assert_int_equal(rte_intr_instance_windows_handle_set(NULL, NULL), -EINVAL);
	assert_int_equal(rte_intr_efd_enable(NULL, 1), -EINVAL);
	assert_int_equal(rte_intr_dp_is_en(NULL), 0);
	assert_int_equal(rte_intr_cap_multiple(NULL), 0);
	assert_int_equal(rte_intr_rx_ctl(NULL, -1, RTE_INTR_EVENT_ADD, 1, NULL), -EPERM);
	rte_intr_vec_list_free(NULL);
	rte_intr_efd_disable(NULL);
	rte_intr_free_epoll_fd(NULL);
}

static void
test_vec_list(void **state)
{
	struct rte_intr_handle *h = rte_intr_instance_alloc(RTE_INTR_INSTANCE_F_PRIVATE);

	(void)state;
	assert_int_equal(rte_intr_vec_list_index_get(h, 0), -ERANGE);
	assert_int_equal(rte_intr_vec_list_index_set(h, 0, 1), -ERANGE);
	assert_int_equal(rte_intr_vec_list_alloc(h, "q", 0), -ERANGE);
	assert_int_equal(rte_intr_vec_list_alloc(h, "q", RTE_MAX_RXTX_INTR_VEC_ID + 1), -ERANGE);
	assert_int_equal(rte_intr_vec_list_alloc(h, "q", 4), 0);
	assert_int_equal(rte_intr_vec_list_index_get(h, 3), 0);
	assert_int_equal(rte_intr_vec_list_index_set(h, 3, RTE_INTR_VEC_RXTX_OFFSET + 2), 0);
	assert_int_equal(rte_intr_vec_list_index_get(h, 3), RTE_INTR_VEC_RXTX_OFFSET + 2);
	assert_int_equal(rte_intr_vec_list_index_set(h, 4, 1), -ERANGE);
	/* A second allocation keeps the table. */
	assert_int_equal(rte_intr_vec_list_alloc(h, "q", 16), 0);
	assert_int_equal(rte_intr_vec_list_index_get(h, 3), RTE_INTR_VEC_RXTX_OFFSET + 2);
	assert_int_equal(rte_intr_vec_list_index_get(h, 4), -ERANGE);
	rte_intr_vec_list_free(h);
	assert_int_equal(rte_intr_vec_list_index_get(h, 0), -ERANGE);
	/* Freeing the handle frees a table left allocated. */
	assert_int_equal(rte_intr_vec_list_alloc(h, "q", 2), 0);
	rte_intr_instance_free(h);
}

static void
test_msix_event_fds(void **state)
{
	struct rte_intr_handle *h = rte_intr_instance_alloc(RTE_INTR_INSTANCE_F_PRIVATE);
	struct rte_epoll_event out[2];
	int epfd = epoll_create1(EPOLL_CLOEXEC), fds, i, tag;
	uint64_t one = 1, v;

	(void)state;
	fds = test_count_fds();
	rte_intr_type_set(h, RTE_INTR_HANDLE_VFIO_MSIX);
	assert_int_equal(rte_intr_efd_enable(h, 0), -EINVAL);
	assert_int_equal(rte_intr_efd_enable(h, 4), 0);
	assert_int_equal(rte_intr_nb_efd_get(h), 4);
	assert_int_equal(rte_intr_max_intr_get(h), 5);
	assert_int_equal(rte_intr_dp_is_en(h), 1);
	assert_int_equal(rte_intr_allow_others(h), 1);
	assert_int_equal(test_count_fds(), fds + 4);
	for (i = 0; i < 4; i++)
		assert_true(fcntl(rte_intr_efds_index_get(h, i), F_GETFD) >= 0);

	/* Queue vector 2 (event fd 1) into the epoll instance. */
	assert_int_equal(rte_intr_rx_ctl(h, epfd, RTE_INTR_EVENT_ADD, 2, &tag), 0);
	assert_int_equal(rte_intr_rx_ctl(h, epfd, RTE_INTR_EVENT_ADD, 2, &tag), -EEXIST);
	assert_int_equal(rte_intr_rx_ctl(h, epfd, RTE_INTR_EVENT_ADD, 9, &tag), -EPERM);
	assert_int_equal(rte_intr_rx_ctl(h, epfd, 7, 2, &tag), -EPERM);
	assert_int_equal(rte_epoll_wait(epfd, out, 2, 0), 0);
	assert_int_equal(write(rte_intr_efds_index_get(h, 1), &one, sizeof(one)), sizeof(one));
	assert_int_equal(rte_epoll_wait(epfd, out, 2, 1000), 1);
	assert_ptr_equal(out[0].epdata.data, &tag);
	assert_int_equal(out[0].fd, rte_intr_efds_index_get(h, 1));
	/* The counter was read on the way. */
	assert_int_equal(read(rte_intr_efds_index_get(h, 1), &v, sizeof(v)), -1);
	assert_int_equal(errno, EAGAIN);
	assert_int_equal(rte_intr_rx_ctl(h, epfd, RTE_INTR_EVENT_DEL, 2, NULL), 0);
	assert_int_equal(rte_intr_rx_ctl(h, epfd, RTE_INTR_EVENT_DEL, 2, NULL), -EPERM);

	/* rte_intr_free_epoll_fd takes every added vector out. */
	assert_int_equal(rte_intr_rx_ctl(h, epfd, RTE_INTR_EVENT_ADD, 1, NULL), 0);
	assert_int_equal(rte_intr_rx_ctl(h, epfd, RTE_INTR_EVENT_ADD, 4, NULL), 0);
	rte_intr_free_epoll_fd(h);
	assert_int_equal(rte_intr_elist_index_get(h, 0)->status, RTE_EPOLL_INVALID);
	assert_int_equal(rte_intr_elist_index_get(h, 3)->status, RTE_EPOLL_INVALID);
	assert_int_equal(write(rte_intr_efds_index_get(h, 0), &one, sizeof(one)), sizeof(one));
	assert_int_equal(rte_epoll_wait(epfd, out, 2, 10), 0);

	/* Disable closes the four event fds. */
	assert_int_equal(rte_intr_rx_ctl(h, epfd, RTE_INTR_EVENT_ADD, 1, NULL), 0);
	rte_intr_efd_disable(h);
	assert_int_equal(rte_intr_nb_efd_get(h), 0);
	assert_int_equal(rte_intr_max_intr_get(h), 0);
	assert_int_equal(test_count_fds(), fds);
	assert_int_equal(rte_intr_rx_ctl(h, epfd, RTE_INTR_EVENT_ADD, 1, NULL), -EPERM);
	rte_intr_instance_free(h);
	close(epfd);
}

static void
test_shared_fd_and_vdev(void **state)
{
	struct rte_intr_handle *h = rte_intr_instance_alloc(RTE_INTR_INSTANCE_F_PRIVATE);
	int efd = eventfd(0, EFD_NONBLOCK), fds;

	(void)state;
	fds = test_count_fds();
	rte_intr_type_set(h, RTE_INTR_HANDLE_EXT);
	rte_intr_fd_set(h, efd);
	/* One vector for every queue: the handle's own fd, and no vector left over. */
	assert_int_equal(rte_intr_efd_enable(h, 8), 0);
	assert_int_equal(rte_intr_nb_efd_get(h), 1);
	assert_int_equal(rte_intr_max_intr_get(h), 1);
	assert_int_equal(rte_intr_efds_index_get(h, 0), efd);
	assert_int_equal(rte_intr_allow_others(h), 0);
	rte_intr_efd_disable(h);
	/* The handle's own fd stays open. */
	assert_true(fcntl(efd, F_GETFD) >= 0);
	assert_int_equal(test_count_fds(), fds);

	rte_intr_type_set(h, RTE_INTR_HANDLE_VDEV);
	assert_int_equal(rte_intr_efd_counter_size_set(h, 9), 0);
	assert_int_equal(rte_intr_efd_enable(h, 2), -EINVAL);
	assert_int_equal(rte_intr_efd_counter_size_set(h, 8), 0);
	assert_int_equal(rte_intr_efd_enable(h, 2), 0);
	rte_intr_instance_free(h);
	close(efd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_vec_list),
		cmocka_unit_test(test_msix_event_fds),
		cmocka_unit_test(test_shared_fd_and_vdev),
	};

	return cmocka_run_group_tests_name("eal_intr_vectors", tests, NULL, NULL);
}
